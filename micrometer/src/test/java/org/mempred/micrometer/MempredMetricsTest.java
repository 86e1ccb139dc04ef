package org.mempred.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.mempred.govern.GovernorConfig;
import org.mempred.govern.PolicySpec;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.CompactionResult;
import org.mempred.heap.Handles;
import org.mempred.live.LiveSystem;
import org.mempred.predict.PredictorConfig;

/** The binder's meters read what the heap and governor report, under Micrometer's names, tags and units. */
class MempredMetricsTest {
    private static final int KIB = 1024;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** A 4 KiB heap of 16 blocks of 256 B with every other one freed: 2 KiB free in 256-B holes. */
    private static CompactingHeap combed() {
        CompactingHeap heap = new CompactingHeap(4 * KIB);
        long[] blocks = new long[16];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = heap.allocate(256, AllocationMode.ATOMIC);
        }
        for (int i = 0; i < blocks.length; i += 2) {
            heap.free(blocks[i]);
        }
        return heap;
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags("id", "main").tags(tags).gauge().value();
    }

    private double counter(String name, String... tags) {
        return registry.get(name)
                .tags("id", "main")
                .tags(tags)
                .functionCounter()
                .count();
    }

    @Test
    void heapMetersTrackAllocationsOomEventsAndCompactions() {
        CompactingHeap heap = combed();
        MempredMetrics.of(heap, "main", Tags.of("app", "test")).bindTo(registry);

        assertThat(gauge("mempred.heap.memory.capacity")).isEqualTo(4 * KIB);
        assertThat(gauge("mempred.heap.memory.used")).isEqualTo(2 * KIB);
        assertThat(gauge("mempred.heap.memory.free")).isEqualTo(2 * KIB);
        assertThat(gauge("mempred.heap.memory.largest.free")).isEqualTo(256);
        assertThat(gauge("mempred.heap.blocks", "state", "live")).isEqualTo(8);
        assertThat(gauge("mempred.heap.blocks", "state", "free")).isEqualTo(8);
        assertThat(gauge("mempred.heap.fragmentation")).isEqualTo(1.0 - 256.0 / (2 * KIB));
        assertThat(counter("mempred.oom.events", "kind", "fragmentation")).isZero();

        assertThat(heap.tryAllocate(KIB, AllocationMode.ATOMIC)).isEqualTo(Handles.NONE);
        assertThat(heap.tryAllocate(3 * KIB, AllocationMode.ATOMIC)).isEqualTo(Handles.NONE);
        assertThat(counter("mempred.oom.events", "kind", "fragmentation")).isEqualTo(1);
        assertThat(counter("mempred.oom.events", "kind", "exhaustion")).isEqualTo(1);

        long pinned = heap.allocate(16, AllocationMode.ATOMIC);
        heap.pin(pinned);
        assertThat(gauge("mempred.heap.blocks.pinned")).isEqualTo(1);
        assertThat(gauge("mempred.heap.memory.used")).isEqualTo(2 * KIB + 16);

        CompactionResult slide = heap.compact();
        assertThat(counter("mempred.compactions", "trigger", "requested")).isEqualTo(1);
        assertThat(counter("mempred.compactions", "trigger", "direct")).isZero();
        assertThat(counter("mempred.compactions.moved"))
                .isEqualTo(slide.bytesMoved())
                .isPositive();
        assertThat(gauge("mempred.heap.memory.largest.free")).isEqualTo(heap.largestFreeBytes());

        assertThat(registry.get("mempred.heap.memory.used").tags("app", "test").gauge())
                .isNotNull();
    }

    @Test
    void aDirectCompactionCountsUnderTriggerDirect() {
        CompactingHeap heap = combed();
        MempredMetrics.of(heap, "main", Tags.empty()).bindTo(registry);

        assertThat(heap.tryAllocate(KIB, AllocationMode.MAY_COMPACT)).isNotEqualTo(Handles.NONE);

        assertThat(counter("mempred.compactions", "trigger", "direct"))
                .isEqualTo(heap.stats().directCompactions())
                .isPositive();
        assertThat(counter("mempred.compactions.moved")).isEqualTo(heap.stats().bytesMoved());
    }

    @Test
    void metersCarryBaseUnitsAndOneDescriptionPerName() {
        MempredMetrics.of(combed(), "main", Tags.empty()).bindTo(registry);

        assertThat(registry.get("mempred.heap.memory.used").gauge().getId().getBaseUnit())
                .isEqualTo(BaseUnits.BYTES);
        assertThat(registry.get("mempred.compactions.moved")
                        .functionCounter()
                        .getId()
                        .getBaseUnit())
                .isEqualTo(BaseUnits.BYTES);
        assertThat(registry.get("mempred.oom.events").functionCounters())
                .extracting(counter -> counter.getId().getDescription())
                .hasSize(2)
                .containsOnly(registry.get("mempred.oom.events")
                        .functionCounters()
                        .iterator()
                        .next()
                        .getId()
                        .getDescription());
        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().getName()).startsWith("mempred.").matches("[a-z.]+");
            assertThat(meter.getId().getTag("id")).isEqualTo("main");
            assertThat(meter).isInstanceOfAny(Gauge.class, FunctionCounter.class);
        }
    }

    @Test
    void aLiveSystemBindsEveryMetricFigure() {
        CompactingHeap heap = new CompactingHeap(32 * KIB);
        long[] now = {0};
        try (LiveSystem system = new LiveSystem(
                heap,
                PolicySpec.parse("holt"),
                PredictorConfig.DEFAULTS,
                GovernorConfig.DEFAULTS,
                UnaryOperator.identity(),
                () -> now[0])) {
            MempredMetrics.of(system, "main", Tags.empty()).bindTo(registry);
            churn(heap, system, now, 30);
            Map<String, Number> figures = system.metrics();

            Set<String> bound = new HashSet<>();
            for (MeterMap.Meter meter : MeterMap.ALL) {
                bound.add(meter.metric());
                if (meter.minus() != null) {
                    bound.add(meter.minus());
                }
            }
            bound.addAll(MeterMap.SUMS.keySet());
            assertThat(figures).containsKey("mempred_accuracy");
            assertThat(bound).containsAll(figures.keySet());
            for (Map.Entry<String, String> sum : MeterMap.SUMS.entrySet()) {
                double total = 0;
                for (FunctionCounter part : registry.get(sum.getValue()).functionCounters()) {
                    total += part.count();
                }
                assertThat(total)
                        .as(sum.getKey())
                        .isEqualTo(figures.get(sum.getKey()).doubleValue());
            }

            assertThat(counter("mempred.governor.predictions"))
                    .isEqualTo(system.currentGovernor().stats().predictions())
                    .isPositive();
            assertThat(counter("mempred.predictor.labelled"))
                    .isEqualTo(figures.get("mempred_labelled_predictions").doubleValue());
            assertThat(gauge("mempred.predictor.accuracy"))
                    .isEqualTo(figures.get("mempred_accuracy").doubleValue());
            assertThat(gauge("mempred.governor.degraded")).isZero();
            assertThat(counter("mempred.governor.compactions"))
                    .isEqualTo(system.currentGovernor().stats().proactiveCompactions());
        }
    }

    @Test
    void aHeapItsApplicationDropsIsNotKeptAliveByItsMeters() {
        bindDroppedHeap();
        for (int attempt = 0; attempt < 50 && !Double.isNaN(gauge("mempred.heap.memory.used")); attempt++) {
            System.gc();
        }
        assertThat(gauge("mempred.heap.memory.used")).isNaN();
    }

    private void bindDroppedHeap() {
        CompactingHeap heap = combed();
        MempredMetrics.of(heap, "main", Tags.empty()).bindTo(registry);
        assertThat(gauge("mempred.heap.memory.used")).isEqualTo(2 * KIB);
    }

    /** Allocates and frees between ticks so pressure moves and the predictor's labels mature. */
    private static void churn(CompactingHeap heap, LiveSystem system, long[] now, int ticks) {
        SplittableRandom random = new SplittableRandom(3);
        List<Long> live = new ArrayList<>();
        for (int t = 0; t < ticks; t++) {
            for (int i = 0; i < 20; i++) {
                if (live.isEmpty() || random.nextInt(100) < 50 + 30 * Math.sin(t / 5.0)) {
                    long h = heap.tryAllocate(16 + random.nextInt(600), AllocationMode.MAY_COMPACT);
                    if (h != Handles.NONE) {
                        live.add(h);
                    }
                } else {
                    heap.free(live.remove(random.nextInt(live.size())));
                }
            }
            now[0] += GovernorConfig.DEFAULTS.tickNanos();
            system.tick();
        }
    }
}
