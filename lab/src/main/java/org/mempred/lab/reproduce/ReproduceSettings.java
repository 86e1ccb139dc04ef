package org.mempred.lab.reproduce;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.mempred.lab.report.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * How much a reproduction runs. {@link #full} keeps the seed report's durations (10 and 30
 * minutes of stress, a one-hour autonomous run); {@link #quick} shortens every run and uses fewer
 * seeds, keeping the 1 : 3 ratio of the two stress durations so section 2's question still has a
 * meaning. Durations are virtual time; wall time is far shorter.
 *
 * @param mode "full", "quick" or a test's name, printed in the report
 * @param seeds seeds 1..seeds of every paired experiment (at least 2: a CI needs two)
 * @param shortStressNanos section 1 run length (the report's 10 minutes)
 * @param longStressNanos section 2 run length (the report's 30 minutes)
 * @param autonomyNanos section 3 run length (the report's hour)
 * @param sweepNanos section 5 run length per pressure
 * @param coldStartLabels section 6: labelled predictions scored from the start
 * @param latencySamples section 8: timed operations per histogram
 * @param tracesDir sections 10, 14 and 15: where traces are looked for (long-running programs in
 *     its {@code long/} folder)
 * @param longTraceCutNanos how much of each long-running program is replayed, in trace time: 0
 *     replays it in full; a quick run replays its first minute
 * @param threads worker threads of every experiment
 */
public record ReproduceSettings(
        String mode,
        int seeds,
        long shortStressNanos,
        long longStressNanos,
        long autonomyNanos,
        long sweepNanos,
        int coldStartLabels,
        int latencySamples,
        Path tracesDir,
        long longTraceCutNanos,
        int threads) {

    /** The traces shipped with mempred, relative to the working directory. */
    public static final Path DEFAULT_TRACES = Path.of("traces");

    /** Default seeds of a full run. */
    public static final int FULL_SEEDS = 10;

    /** Default seeds of a quick run. */
    public static final int QUICK_SEEDS = 3;

    /** Checks counts and durations. */
    public ReproduceSettings {
        if (seeds < 2) {
            throw new IllegalArgumentException("seeds=" + seeds + " must be >= 2 (a confidence interval needs two)");
        }
        if (shortStressNanos <= 0 || longStressNanos <= 0 || autonomyNanos <= 0 || sweepNanos <= 0) {
            throw new IllegalArgumentException("every duration must be positive");
        }
        if (longTraceCutNanos < 0) {
            throw new IllegalArgumentException("longTraceCutNanos=" + longTraceCutNanos + " must be >= 0 (0: in full)");
        }
        if (coldStartLabels < 1 || latencySamples < 1 || threads < 1) {
            throw new IllegalArgumentException("coldStartLabels=" + coldStartLabels + ", latencySamples="
                    + latencySamples + " and threads=" + threads + " must be >= 1");
        }
    }

    /** The seed report's durations with {@code seeds} seeds. */
    public static ReproduceSettings full(int seeds, Path tracesDir) {
        return new ReproduceSettings(
                "full", seeds, minutes(10), minutes(30), minutes(60), minutes(10), 200, 200_000, tracesDir, 0, 2);
    }

    /** Shorter runs (2 / 6 / 12 minutes, the first minute of each long-running program), for a run of a few minutes. */
    public static ReproduceSettings quick(int seeds, Path tracesDir) {
        return new ReproduceSettings(
                "quick", seeds, minutes(2), minutes(6), minutes(12), minutes(2), 200, 50_000, tracesDir, minutes(1), 2);
    }

    /** Seconds-long runs for tests. */
    public static ReproduceSettings tiny(Path tracesDir) {
        long second = TimeUnit.SECONDS.toNanos(1);
        return new ReproduceSettings(
                "tiny", 2, 40 * second, 120 * second, 60 * second, 30 * second, 40, 2_000, tracesDir, 0, 2);
    }

    /** These settings with seeds 1..{@code count}. */
    public ReproduceSettings withSeeds(int count) {
        return new ReproduceSettings(
                mode,
                count,
                shortStressNanos,
                longStressNanos,
                autonomyNanos,
                sweepNanos,
                coldStartLabels,
                latencySamples,
                tracesDir,
                longTraceCutNanos,
                threads);
    }

    private static long minutes(long count) {
        return TimeUnit.MINUTES.toNanos(count);
    }

    /** Minutes of {@code nanos}, for tables and prose. */
    static double minutesOf(long nanos) {
        return nanos / 60e9;
    }

    /** The settings as results.json states them (durations in minutes). */
    ObjectNode json() {
        ObjectNode json = Json.object();
        json.put("mode", mode);
        json.put("seeds", seeds);
        json.set("shortStressMinutes", Json.number(minutesOf(shortStressNanos)));
        json.set("longStressMinutes", Json.number(minutesOf(longStressNanos)));
        json.set("autonomyMinutes", Json.number(minutesOf(autonomyNanos)));
        json.set("sweepMinutes", Json.number(minutesOf(sweepNanos)));
        json.put("coldStartLabels", coldStartLabels);
        json.put("latencySamples", latencySamples);
        json.put("tracesDir", tracesDir.toString());
        json.set("longTraceCutSeconds", Json.number(longTraceCutNanos / 1e9));
        json.put("threads", threads);
        return json;
    }
}
