package org.mempred.lab.experiment;

import java.util.function.ToDoubleFunction;
import org.mempred.lab.sim.RunResult;
import org.mempred.lab.stats.Summary;

/**
 * The figures of a {@link RunResult} that experiments summarise across seeds, in report order,
 * each with its JSON key, its table label and how it is shown. NaN means "does not apply".
 */
public enum Metric {
    PEAK_PRESSURE(
            "peakPressure",
            "achieved peak pressure %",
            Display.PERCENT,
            r -> r.heap().peakPressure()),
    MEAN_PRESSURE(
            "meanPressure",
            "achieved mean pressure % (time-weighted)",
            Display.PERCENT,
            r -> r.heap().meanPressure()),
    OOM_EVENTS("oomEvents", "OOM events", Display.COUNT, r -> r.heap().oomEvents()),
    OOM_FRAGMENTATION(
            "oomFragmentation",
            "  of which fragmentation",
            Display.COUNT,
            r -> r.heap().oomFragmentation()),
    OOM_EXHAUSTION(
            "oomExhaustion",
            "  of which exhaustion",
            Display.COUNT,
            r -> r.heap().oomExhaustion()),
    COMPACTIONS("compactions", "compactions", Display.COUNT, r -> r.compaction().total()),
    PROACTIVE_COMPACTIONS(
            "proactiveCompactions",
            "  proactive",
            Display.COUNT,
            r -> r.compaction().proactive()),
    REACTIVE_COMPACTIONS(
            "reactiveCompactions",
            "  reactive (direct)",
            Display.COUNT,
            r -> r.compaction().reactive()),
    BYTES_MOVED("bytesMoved", "KiB moved", Display.KIB, r -> r.compaction().bytesMoved()),
    MEAN_FRAGMENTATION(
            "meanFragmentation",
            "fragmentation % (time-weighted)",
            Display.PERCENT,
            r -> r.placing().meanFragmentation()),
    LIFETIME_EXACT(
            "lifetimeExact",
            "lifetime class exact %",
            Display.PERCENT,
            r -> r.placing().exactShare()),
    REFILLS_WINDOW(
            "refillsWindow",
            "reserve refills served by: one window",
            Display.COUNT,
            r -> r.safety().governor().escalation().window()),
    REFILLS_WINDOWS(
            "refillsWindows",
            "  several windows",
            Display.COUNT,
            r -> r.safety().governor().escalation().windows()),
    REFILLS_RANGE(
            "refillsRange",
            "  range slide",
            Display.COUNT,
            r -> r.safety().governor().escalation().range()),
    REFILLS_FULL(
            "refillsFull",
            "  full compaction",
            Display.COUNT,
            r -> r.safety().governor().escalation().full()),
    REFILLS_UNSERVED(
            "refillsUnserved",
            "  none (no step made the block)",
            Display.COUNT,
            r -> r.safety().governor().escalation().unserved()),
    MEAN_COMPACTION_MICROS(
            "meanCompactionMicros",
            "compaction µs (model)",
            Display.MICROS,
            r -> r.compaction().meanModelMicros()),
    MEAN_COMPACTION_WALL_MICROS(
            "meanCompactionWallMicros",
            "compaction µs (wall)",
            Display.MICROS,
            r -> r.compaction().meanWallMicros()),
    MEAN_RESPONSE_MICROS(
            "meanResponseMicros",
            "mean response µs",
            Display.MICROS,
            r -> r.response().meanMicros()),
    P99_RESPONSE_MICROS(
            "p99ResponseMicros",
            "p99 response µs",
            Display.MICROS,
            r -> r.response().p99Micros()),
    PREDICTION_ACCURACY(
            "predictionAccuracy",
            "prediction accuracy %",
            Display.PERCENT,
            r -> r.prediction().accuracyShare()),
    SKILL("skill", "skill vs persistence", Display.RATIO, r -> r.prediction().skill()),
    FALLBACKS("fallbacks", "fallbacks", Display.COUNT, r -> r.safety().fallbacks()),
    WATCHDOG_ALERTS(
            "watchdogAlerts", "watchdog alerts", Display.COUNT, r -> r.safety().watchdogAlerts()),
    RATE_LIMITED("rateLimited", "rate-limited", Display.COUNT, r -> r.safety().rateLimited()),
    CRASHES("crashes", "crashes", Display.COUNT, r -> r.safety().crashes());

    /**
     * How numbers are shown in tables: the factor from the stored unit to the shown one and the
     * decimals. The only place the lab scales a figure for display.
     */
    public enum Display {
        /** A fraction shown as a percentage with one decimal. */
        PERCENT(100.0, 1),
        /** A count shown with one decimal (means of counts are fractional). */
        COUNT(1.0, 1),
        /** Bytes shown as KiB with one decimal. */
        KIB(1.0 / 1024.0, 1),
        /** Bytes shown as MiB with one decimal. */
        MIB(1.0 / (1024 * 1024), 1),
        /** Microseconds with three decimals. */
        MICROS(1.0, 3),
        /** A dimensionless ratio with three decimals. */
        RATIO(1.0, 3);

        private final double factor;
        private final int decimals;

        Display(double factor, int decimals) {
            this.factor = factor;
            this.decimals = decimals;
        }

        /** {@code value} in the shown unit. */
        public double scale(double value) {
            return value * factor;
        }

        /** {@code summary} in the shown unit. */
        public Summary scale(Summary summary) {
            return summary.times(factor);
        }

        /** Decimals tables show. */
        public int decimals() {
            return decimals;
        }
    }

    private final String key;
    private final String label;
    private final Display display;
    private final ToDoubleFunction<RunResult> extractor;

    Metric(String key, String label, Display display, ToDoubleFunction<RunResult> extractor) {
        this.key = key;
        this.label = label;
        this.display = display;
        this.extractor = extractor;
    }

    /** The JSON key of the figure in every run and summary. */
    public String key() {
        return key;
    }

    /** The table label. */
    public String label() {
        return label;
    }

    /** How tables show it. */
    public Display display() {
        return display;
    }

    /**
     * Whether human tables show it. {@link #MEAN_COMPACTION_WALL_MICROS} is left to JSON: one
     * compaction's wall time is dominated by the JIT's warm-up and the machine's other load, so
     * its mean ± CI tells a reader nothing; the modelled time is the comparable figure.
     */
    public boolean shownInTables() {
        return this != MEAN_COMPACTION_WALL_MICROS;
    }

    /** What a reader needs to decode the row, in a few words; empty when the label says it all. */
    public String legend() {
        return switch (this) {
            case SKILL ->
                "skill = 1 - MSE / MSE of persistence (forecasting that the next horizon repeats the last):"
                        + " above 0 beats it";
            case PREDICTION_ACCURACY -> "accuracy = share of forecasts on the right side of the threshold";
            case LIFETIME_EXACT -> "lifetime class exact = blocks placed for the lifetime class they lived";
            case REFILLS_WINDOW -> "refills = how the reserve's wake-ups were served, by escalation step";
            case MEAN_COMPACTION_MICROS -> "compaction µs (model) = modelled time of one compaction";
            case RATE_LIMITED -> "rate-limited = compactions the 10/s limit refused";
            case FALLBACKS -> "fallbacks = forecasts discarded (invalid or the predictor threw)";
            default -> "";
        };
    }

    /** The figure of {@code run}. */
    public double of(RunResult run) {
        return extractor.applyAsDouble(run);
    }
}
