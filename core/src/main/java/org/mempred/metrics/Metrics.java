package org.mempred.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.mempred.govern.GovernorStats;
import org.mempred.heap.HeapStats;
import org.mempred.predict.accuracy.AccuracyReport;
import org.mempred.predict.accuracy.BandAccuracy;

/**
 * The METRIC names and values: {@code METRIC <name>=<value>}, names in {@code lower_snake_case},
 * values numbers. Names are a stable interface (listed in the README); add, never rename.
 *
 * <p>Counts are {@link Long}s and print without a decimal point; ratios are {@link Double}s in
 * [0, 1] (pressure, fragmentation, accuracy) or below (skill may be negative). A figure that does
 * not exist yet (accuracy before the first label, or without a predictor) is left out rather than
 * printed as NaN, so every printed value parses as a number.
 */
public final class Metrics {
    private Metrics() {}

    /** The metrics of one heap and (optionally) its governor, in a stable order. */
    public static Map<String, Number> collect(
            HeapStats heap, GovernorStats governor, Optional<AccuracyReport> accuracy) {
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("heap_capacity_bytes", (long) heap.capacityBytes());
        m.put("heap_used_bytes", (long) heap.usedBytes());
        m.put("heap_free_bytes", (long) heap.freeBytes());
        m.put("heap_largest_free_bytes", (long) heap.largestFreeBytes());
        m.put("heap_free_blocks", (long) heap.freeBlocks());
        m.put("heap_live_blocks", (long) heap.liveBlocks());
        m.put("heap_pinned_blocks", (long) heap.pinnedBlocks());
        m.put("heap_pressure", heap.pressure());
        m.put("heap_fragmentation", heap.fragmentation());
        m.put("oom_events", heap.oomEvents());
        m.put("oom_fragmentation", heap.oomFragmentation());
        m.put("oom_exhaustion", heap.oomExhaustion());
        // One count per figure: a governor's refill is one proactive compaction however many
        // escalation steps it climbed, and the total is proactive plus direct (without a governor,
        // the heap's own count of every compaction it ran).
        long proactive = governor == null ? 0 : governor.proactiveCompactions();
        m.put("compactions_total", governor == null ? heap.compactions() : proactive + heap.directCompactions());
        m.put("compactions_proactive", proactive);
        m.put("compactions_reactive", heap.directCompactions());
        m.put("bytes_moved", heap.bytesMoved());
        if (governor != null) {
            m.put("mempred_predictions", governor.predictions());
            m.put("mempred_fallbacks", governor.fallbacks());
            m.put("mempred_predictor_failures", governor.predictorFailures());
            m.put("mempred_rate_limited", governor.rateLimited());
            m.put("watchdog_alerts", governor.watchdogAlerts());
            m.put("mempred_degraded", governor.mode() == GovernorStats.Mode.DEGRADED ? 1L : 0L);
        }
        if (accuracy.isPresent() && accuracy.get().overall().count() > 0) {
            BandAccuracy overall = accuracy.get().overall();
            m.put("mempred_labelled_predictions", overall.count());
            m.put("mempred_accuracy", overall.accuracy());
            m.put("mempred_mae", overall.meanAbsoluteError());
            double skill = overall.skill();
            if (Double.isFinite(skill)) {
                m.put("mempred_skill", skill);
            }
        }
        return m;
    }

    /** One {@code METRIC name=value} line per metric. */
    public static String format(Map<String, Number> metrics) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Number> e : metrics.entrySet()) {
            out.append("METRIC ")
                    .append(e.getKey())
                    .append('=')
                    .append(formatValue(e.getValue()))
                    .append('\n');
        }
        return out.toString();
    }

    static String formatValue(Number value) {
        if (value instanceof Long || value instanceof Integer) {
            return Long.toString(value.longValue());
        }
        return String.format(java.util.Locale.ROOT, "%.6f", value.doubleValue());
    }
}
