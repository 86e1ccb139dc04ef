package org.mempred.lab.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.mempred.govern.Policies;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.experiment.PolicyRuns;
import org.mempred.lab.stats.Stats;
import org.mempred.lab.stats.Summary;

/**
 * The one-line answer to "which policy should this program use?", computed from the paired 95 %
 * confidence intervals of an experiment, never from means alone:
 *
 * <ol>
 *   <li>the candidates are the policies a program can run: every one but those that read the true
 *       future ({@code oracle}, the bound);
 *   <li>the leader on OOM events is the candidate with the fewest on average; every candidate whose
 *       paired difference in OOM events to the leader has a CI containing 0 is <em>tied</em> with it;
 *   <li>the choice is the tied candidate that moves the fewest bytes on average: the copying cost,
 *       shown per run and as the paired change vs {@code reactive};
 *   <li>a forecasting policy <em>beats</em> {@code reserve} (the same reserve with no forecast) when
 *       its paired difference in OOM events to {@code reserve} has a CI entirely below 0, or that CI
 *       contains 0 and the one of bytes moved lies entirely below 0.
 * </ol>
 *
 * With one seed there is no interval, so there is no verdict.
 *
 * @param choice the policy to use; {@code null} without a verdict (one seed)
 * @param tiedOnOom the other candidates tied with the choice's group on OOM events
 * @param forecastsBeatingReserve the forecasting policies that beat {@code reserve}, in run order
 * @param text the line printed under the tables
 */
public record Verdict(String choice, List<String> tiedOnOom, List<String> forecastsBeatingReserve, String text) {

    /** Copies the lists. */
    public Verdict {
        tiedOnOom = List.copyOf(tiedOnOom);
        forecastsBeatingReserve = List.copyOf(forecastsBeatingReserve);
    }

    /**
     * One policy's per-seed figures, paired by seed with every other candidate's.
     *
     * @param name the policy's name
     * @param forecasts whether it runs a forecaster
     * @param readsFuture whether it reads the true future (never a choice)
     * @param oomEvents OOM events per seed
     * @param bytesMoved bytes moved by compaction per seed
     */
    public record Candidate(
            String name, boolean forecasts, boolean readsFuture, double[] oomEvents, double[] bytesMoved) {
        /** Copies the figures and checks they pair: one of each per seed. */
        public Candidate {
            if (oomEvents.length != bytesMoved.length) {
                throw new IllegalArgumentException("oomEvents.length=" + oomEvents.length
                        + " differs from bytesMoved.length=" + bytesMoved.length + " for " + name);
            }
            oomEvents = oomEvents.clone();
            bytesMoved = bytesMoved.clone();
        }

        /** OOM events per seed (a copy). */
        @Override
        public double[] oomEvents() {
            return oomEvents.clone();
        }

        /** Bytes moved per seed (a copy). */
        @Override
        public double[] bytesMoved() {
            return bytesMoved.clone();
        }
    }

    /** The verdict on {@code result}. */
    public static Verdict of(ExperimentResult result) {
        List<Candidate> candidates = new ArrayList<>();
        for (PolicyRuns runs : result.policies()) {
            candidates.add(new Candidate(
                    runs.policy(),
                    runs.spec().usesPredictor(),
                    runs.spec().readsFuture(),
                    runs.values(Metric.OOM_EVENTS),
                    runs.values(Metric.BYTES_MOVED)));
        }
        return of(candidates, result.spec().seeds().size());
    }

    /** The verdict on {@code candidates}, each with {@code seeds} paired figures. */
    public static Verdict of(List<Candidate> candidates, int seeds) {
        List<Candidate> usable =
                candidates.stream().filter(c -> !c.readsFuture()).toList();
        if (seeds < 2 || usable.isEmpty()) {
            return new Verdict(
                    null,
                    List.of(),
                    List.of(),
                    "verdict: none with one seed (no confidence interval); run --seeds 2 or more");
        }
        Candidate leader = usable.stream()
                .min(Comparator.comparingDouble((Candidate c) -> mean(c.oomEvents()))
                        .thenComparingDouble(c -> mean(c.bytesMoved())))
                .orElseThrow();
        List<Candidate> tied = usable.stream()
                .filter(c -> !Stats.pairedDifference(c.oomEvents(), leader.oomEvents())
                        .excludesZero())
                .toList();
        Candidate choice = tied.stream()
                .min(Comparator.comparingDouble((Candidate c) -> mean(c.bytesMoved()))
                        .thenComparingDouble(c -> mean(c.oomEvents())))
                .orElseThrow();
        List<String> others = tied.stream()
                .map(Candidate::name)
                .filter(name -> !name.equals(choice.name()))
                .toList();
        Candidate reserve = find(candidates, Policies.RESERVE);
        List<String> beating = new ArrayList<>();
        if (reserve != null) {
            for (Candidate c : usable) {
                if (c.forecasts() && beats(c, reserve)) {
                    beating.add(c.name());
                }
            }
        }
        String oom = one(mean(choice.oomEvents())) + " OOM events and " + one(mean(choice.bytesMoved()) / 1024.0)
                + " KiB moved per run" + versusReactive(candidates, choice);
        String why = others.isEmpty()
                ? "significantly fewer OOM events than every other policy, " + oom
                : "tied on OOM events with " + String.join(", ", others)
                        + " (the CIs of the paired differences contain 0), and the least copying of them: " + oom;
        String text = "verdict: use " + choice.name() + " for this program: " + why + "; "
                + forecastClause(candidates, reserve, beating) + ".";
        return new Verdict(choice.name(), others, beating, text);
    }

    private static boolean beats(Candidate forecaster, Candidate reserve) {
        Summary oom = Stats.pairedDifference(forecaster.oomEvents(), reserve.oomEvents());
        if (oom.excludesZero()) {
            return oom.ciHigh() < 0.0;
        }
        return Stats.pairedDifference(forecaster.bytesMoved(), reserve.bytesMoved())
                        .ciHigh()
                < 0.0;
    }

    /** The copying cost against {@code reactive}: its paired change in KiB moved, when both ran. */
    private static String versusReactive(List<Candidate> candidates, Candidate choice) {
        Candidate reactive = find(candidates, Policies.REACTIVE);
        if (reactive == null || reactive == choice) {
            return "";
        }
        Summary bytes = Stats.pairedDifference(choice.bytesMoved(), reactive.bytesMoved());
        Summary oom = Stats.pairedDifference(choice.oomEvents(), reactive.oomEvents());
        return " (vs reactive: " + signed(oom.mean()) + " OOM events" + (oom.excludesZero() ? "" : ", CI contains 0")
                + ", " + signed(bytes.mean() / 1024.0) + " KiB moved)";
    }

    private static String forecastClause(List<Candidate> candidates, Candidate reserve, List<String> beating) {
        if (reserve == null) {
            return "reserve (the same reserve with no forecast) was not run: add it to --policies to see whether"
                    + " forecasting helps";
        }
        if (candidates.stream().noneMatch(c -> c.forecasts() && !c.readsFuture())) {
            return "no forecasting policy was run against reserve (no forecast)";
        }
        if (beating.isEmpty()) {
            return "no forecasting policy significantly beats reserve (no forecast)";
        }
        StringBuilder text = new StringBuilder();
        for (String name : beating) {
            Candidate c = find(candidates, name);
            Summary oom = Stats.pairedDifference(c.oomEvents(), reserve.oomEvents());
            Summary bytes = Stats.pairedDifference(c.bytesMoved(), reserve.bytesMoved());
            text.append(text.isEmpty() ? "" : "; ")
                    .append(name)
                    .append(" significantly beats reserve (no forecast): ")
                    .append(signed(oom.mean()))
                    .append(" OOM events, ")
                    .append(signed(bytes.mean() / 1024.0))
                    .append(" KiB moved");
        }
        return text.toString();
    }

    private static Candidate find(List<Candidate> candidates, String name) {
        for (Candidate c : candidates) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static double mean(double[] values) {
        return Stats.summarize(values).mean();
    }

    private static String one(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.1f", value);
    }
}
