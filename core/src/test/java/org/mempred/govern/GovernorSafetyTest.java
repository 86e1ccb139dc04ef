package org.mempred.govern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.mempred.govern.Decision.Action;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.CompactingHeap;
import org.mempred.telemetry.Clock;

/**
 * The governor's safety behaviour beyond the safety-case catalogue (which {@code
 * org.mempred.lab.safety.SafetyCatalogueTest} in the lab asserts case by case): a valid forecast does
 * compact, and a prediction slower than its budget counts as an anomaly on the governor's clock.
 */
class GovernorSafetyTest {
    private static final long TICK = 500_000_000L;

    private final long[] now = {0};
    private final Clock clock = () -> now[0];
    private final CompactingHeap heap = fragmentedHeap();

    /** A heap at ~94 % pressure with 1 in 8 of its blocks freed: fragmented, so compaction has work. */
    private static CompactingHeap fragmentedHeap() {
        CompactingHeap heap = new CompactingHeap(16 * 1024);
        List<Long> blocks = new ArrayList<>();
        long h;
        while ((h = heap.tryAllocate(48, AllocationMode.ATOMIC)) != 0) {
            blocks.add(h);
        }
        for (int i = 0; i < blocks.size(); i += 8) {
            heap.free(blocks.get(i));
        }
        return heap;
    }

    private Governor governor(LongToDoubleFunction script) {
        PredictivePolicy policy = new PredictivePolicy("scripted", () -> new ScriptedPredictor(script), 0.90, 0.0);
        return new Governor(heap, clock, policy, GovernorConfig.DEFAULTS);
    }

    private void ticks(Governor governor, int n) {
        for (int i = 0; i < n; i++) {
            now[0] += TICK;
            governor.tick();
        }
    }

    @Test
    void validHighForecastCompactsAhead() {
        Governor governor = governor(tick -> 0.97);
        ticks(governor, 1);
        assertThat(governor.stats().proactiveCompactions()).isEqualTo(1);
        assertThat(governor.recentDecisions(1).get(0).action()).isEqualTo(Action.COMPACT);
        assertThat(heap.freeBlockCount()).isEqualTo(1);
    }

    @Test
    void slowPredictionsAreAnomaliesOnTheGovernorsOwnClock() {
        PredictivePolicy slow = new PredictivePolicy(
                "slow", () -> new ScriptedPredictor(tick -> 0.5, () -> now[0] += 2_000_000L), 0.9, 0.0);
        Governor governor = new Governor(heap, clock, slow, GovernorConfig.DEFAULTS);
        ticks(governor, 3);
        assertThat(governor.stats().watchdogAlerts()).isEqualTo(1);
        assertThat(governor.recentDecisions(1).get(0).reason()).contains("budget");
    }
}
