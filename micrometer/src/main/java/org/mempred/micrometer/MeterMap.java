package org.mempred.micrometer;

import io.micrometer.core.instrument.binder.BaseUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every meter {@link MempredMetrics} registers, with the METRIC figures ({@link
 * org.mempred.metrics.Metrics}) it reads: the one table from METRIC names to Micrometer's.
 *
 * <pre>
 *  meter                                tags                          METRIC
 *  mempred.heap.memory.capacity         id                            heap_capacity_bytes
 *  mempred.heap.memory.used | .free     id                            heap_used_bytes | heap_free_bytes
 *  mempred.heap.memory.largest.free     id                            heap_largest_free_bytes
 *  mempred.heap.blocks                  id, state=live|free           heap_live_blocks | heap_free_blocks
 *  mempred.heap.blocks.pinned           id                            heap_pinned_blocks
 *  mempred.heap.pressure | .fragmentation                              heap_pressure | heap_fragmentation
 *  mempred.oom.events                   id, kind=fragmentation|exhaustion   oom_fragmentation | oom_exhaustion
 *  mempred.compactions                  id, trigger=direct|requested  compactions_reactive | total - reactive
 *  mempred.compactions.moved            id                            bytes_moved
 *  mempred.governor.*                   id                            compactions_proactive, mempred_* , watchdog_alerts
 *  mempred.predictor.*                  id                            mempred_labelled_predictions, _accuracy, _mae, _skill
 * </pre>
 *
 * A total that is the sum over a tag ({@code oom_events}, {@code compactions_total}) has no meter
 * of its own: summing over the tag gives it, as {@code cache.gets} over {@code result} does.
 */
final class MeterMap {
    private MeterMap() {}

    /**
     * One meter: a counter (only grows) or a gauge, its name, its one tag (or none), its base unit,
     * and the METRIC names whose value it is: one, or two whose difference it is.
     */
    record Meter(
            String name,
            String tagKey,
            String tagValue,
            boolean counter,
            String baseUnit,
            String description,
            String metric,
            String minus) {

        /** The meter's value in {@code figures}, or {@code absent} when a figure it reads is missing. */
        double value(Map<String, Number> figures, double absent) {
            Number value = figures.get(metric);
            if (value == null) {
                return absent;
            }
            if (minus == null) {
                return value.doubleValue();
            }
            Number less = figures.get(minus);
            return less == null ? absent : value.doubleValue() - less.doubleValue();
        }
    }

    private static final String BLOCKS = "blocks";
    /** One description per meter name, whatever its tag, as Micrometer's binders keep them. */
    private static final String OOM_EVENTS = "Allocation requests that failed, by kind: fragmentation (enough free"
            + " bytes, no block large enough) or exhaustion (too few free bytes)";

    private static final String COMPACTIONS = "Compactions, by trigger: direct (inside an allocation request: reactive)"
            + " or requested (by the governor: proactive, or by a caller)";

    /** The heap's meters. */
    static final List<Meter> HEAP = List.of(
            gauge("mempred.heap.memory.capacity", BaseUnits.BYTES, "Size of the arena", "heap_capacity_bytes"),
            gauge("mempred.heap.memory.used", BaseUnits.BYTES, "Bytes held by live blocks", "heap_used_bytes"),
            gauge("mempred.heap.memory.free", BaseUnits.BYTES, "Bytes in free blocks", "heap_free_bytes"),
            gauge(
                    "mempred.heap.memory.largest.free",
                    BaseUnits.BYTES,
                    "Size of the largest free block",
                    "heap_largest_free_bytes"),
            tagged(false, "mempred.heap.blocks", "state", "live", BLOCKS, "Blocks by state", "heap_live_blocks"),
            tagged(false, "mempred.heap.blocks", "state", "free", BLOCKS, "Blocks by state", "heap_free_blocks"),
            gauge("mempred.heap.blocks.pinned", BLOCKS, "Live blocks with a pin", "heap_pinned_blocks"),
            gauge("mempred.heap.pressure", null, "Used bytes over capacity, in [0, 1]", "heap_pressure"),
            gauge(
                    "mempred.heap.fragmentation",
                    null,
                    "1 - largest free block / free bytes, in [0, 1]",
                    "heap_fragmentation"),
            tagged(
                    true,
                    "mempred.oom.events",
                    "kind",
                    "fragmentation",
                    BaseUnits.EVENTS,
                    OOM_EVENTS,
                    "oom_fragmentation"),
            tagged(true, "mempred.oom.events", "kind", "exhaustion", BaseUnits.EVENTS, OOM_EVENTS, "oom_exhaustion"),
            tagged(
                    true,
                    "mempred.compactions",
                    "trigger",
                    "direct",
                    BaseUnits.OPERATIONS,
                    COMPACTIONS,
                    "compactions_reactive"),
            new Meter(
                    "mempred.compactions",
                    "trigger",
                    "requested",
                    true,
                    BaseUnits.OPERATIONS,
                    COMPACTIONS,
                    "compactions_total",
                    "compactions_reactive"),
            counter("mempred.compactions.moved", BaseUnits.BYTES, "Bytes copied by compactions", "bytes_moved"));

    /** The governor's and predictor's meters (bound with a live system). */
    static final List<Meter> GOVERNOR = List.of(
            counter(
                    "mempred.governor.compactions",
                    BaseUnits.OPERATIONS,
                    "Background (proactive) compactions the governor ran",
                    "compactions_proactive"),
            counter("mempred.governor.predictions", BaseUnits.EVENTS, "Predictions made", "mempred_predictions"),
            counter(
                    "mempred.governor.fallbacks",
                    BaseUnits.EVENTS,
                    "Predictions discarded (invalid, or the predictor threw): reactive that tick",
                    "mempred_fallbacks"),
            counter(
                    "mempred.governor.predictor.failures",
                    BaseUnits.EVENTS,
                    "Predictions that threw",
                    "mempred_predictor_failures"),
            counter(
                    "mempred.governor.rate.limited",
                    BaseUnits.EVENTS,
                    "Compactions refused by the rate limit",
                    "mempred_rate_limited"),
            counter(
                    "mempred.governor.watchdog.alerts",
                    BaseUnits.EVENTS,
                    "Times the watchdog degraded the governor to reactive",
                    "watchdog_alerts"),
            gauge("mempred.governor.degraded", null, "1 while degraded to reactive, else 0", "mempred_degraded"),
            counter(
                    "mempred.predictor.labelled",
                    BaseUnits.EVENTS,
                    "Predictions scored against what happened",
                    "mempred_labelled_predictions"),
            gauge("mempred.predictor.accuracy", null, "Share of labelled predictions right", "mempred_accuracy"),
            gauge("mempred.predictor.mae", null, "Mean absolute error of the predictions", "mempred_mae"),
            gauge("mempred.predictor.skill", null, "1 - MSE(predictor) / MSE(persistence)", "mempred_skill"));

    /** The METRIC totals that are a meter summed over its one tag, by METRIC name. */
    static final Map<String, String> SUMS =
            Map.of("oom_events", "mempred.oom.events", "compactions_total", "mempred.compactions");

    /** The heap's and the governor's. */
    static final List<Meter> ALL = concat(HEAP, GOVERNOR);

    private static Meter gauge(String name, String unit, String description, String metric) {
        return new Meter(name, null, null, false, unit, description, metric, null);
    }

    private static Meter counter(String name, String unit, String description, String metric) {
        return new Meter(name, null, null, true, unit, description, metric, null);
    }

    private static Meter tagged(
            boolean counter, String name, String key, String value, String unit, String description, String metric) {
        return new Meter(name, key, value, counter, unit, description, metric, null);
    }

    private static List<Meter> concat(List<Meter> first, List<Meter> second) {
        List<Meter> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
