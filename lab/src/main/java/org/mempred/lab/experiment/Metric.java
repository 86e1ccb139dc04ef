package org.mempred.lab.experiment;

import java.util.function.ToDoubleFunction;
import org.mempred.lab.sim.RunResult;

/**
 * The figures of a {@link RunResult} that experiments summarise across seeds, in report order,
 * each with its JSON key, its table label and how it is shown. NaN means "does not apply".
 */
public enum Metric {
    PEAK_PRESSURE("peakPressure", "achieved peak pressure %", Display.PERCENT, RunResult::peakPressure),
    MEAN_PRESSURE("meanPressure", "achieved mean pressure % (time-weighted)", Display.PERCENT, RunResult::meanPressure),
    OOM_EVENTS("oomEvents", "OOM events", Display.COUNT, r -> r.oomEvents()),
    OOM_FRAGMENTATION("oomFragmentation", "  of which fragmentation", Display.COUNT, r -> r.oomFragmentation()),
    OOM_EXHAUSTION("oomExhaustion", "  of which exhaustion", Display.COUNT, r -> r.oomExhaustion()),
    COMPACTIONS("compactions", "compactions", Display.COUNT, r -> r.compactions()),
    PROACTIVE_COMPACTIONS("proactiveCompactions", "  proactive", Display.COUNT, r -> r.proactiveCompactions()),
    REACTIVE_COMPACTIONS("reactiveCompactions", "  reactive (direct)", Display.COUNT, r -> r.reactiveCompactions()),
    BYTES_MOVED("bytesMoved", "KiB moved", Display.KIB, r -> r.bytesMoved()),
    MEAN_COMPACTION_MICROS(
            "meanCompactionMicros", "compaction µs (model)", Display.MICROS, RunResult::meanCompactionMicros),
    MEAN_COMPACTION_WALL_MICROS(
            "meanCompactionWallMicros", "compaction µs (wall)", Display.MICROS, RunResult::meanCompactionWallMicros),
    MEAN_RESPONSE_MICROS("meanResponseMicros", "mean response µs", Display.MICROS, RunResult::meanResponseMicros),
    P99_RESPONSE_MICROS("p99ResponseMicros", "p99 response µs", Display.MICROS, RunResult::p99ResponseMicros),
    PREDICTION_ACCURACY("predictionAccuracy", "prediction accuracy %", Display.PERCENT, RunResult::predictionAccuracy),
    SKILL("skill", "skill vs persistence", Display.RATIO, RunResult::skill),
    FALLBACKS("fallbacks", "fallbacks", Display.COUNT, r -> r.fallbacks()),
    WATCHDOG_ALERTS("watchdogAlerts", "watchdog alerts", Display.COUNT, r -> r.watchdogAlerts()),
    RATE_LIMITED("rateLimited", "rate-limited", Display.COUNT, r -> r.rateLimited()),
    CRASHES("crashes", "crashes", Display.COUNT, r -> r.crashes());

    /** How a metric's numbers are shown in tables. */
    public enum Display {
        /** A fraction shown as a percentage with one decimal. */
        PERCENT,
        /** A count shown with one decimal (means of counts are fractional). */
        COUNT,
        /** Bytes shown as KiB with one decimal. */
        KIB,
        /** Microseconds with three decimals. */
        MICROS,
        /** A dimensionless ratio with three decimals. */
        RATIO
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

    /** The JSON key, as in {@link RunResult}'s component names. */
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

    /** The figure of {@code run}. */
    public double of(RunResult run) {
        return extractor.applyAsDouble(run);
    }
}
