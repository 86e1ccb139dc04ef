package org.mempred.govern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mempred.govern.Decision.Action;
import org.mempred.govern.GovernorStats.Mode;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.CompactionResult;
import org.mempred.heap.HeapListener;
import org.mempred.telemetry.Clock;

/** The seed report's safety table, each case run and its observed behaviour asserted. */
class GovernorSafetyTest {
    private static final long TICK = 500_000_000L;

    private final long[] now = {0};
    private final Clock clock = () -> now[0];
    private final CompactingHeap heap = fragmentedHeap();
    private final AtomicInteger predictorsMade = new AtomicInteger();

    /** A heap at ~94 % pressure with 1 in 8 of its blocks freed: fragmented, so compaction has work. */
    static CompactingHeap fragmentedHeap() {
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

    private Governor governor(LongToDoubleFunction script, GovernorConfig config) {
        PredictivePolicy policy = new PredictivePolicy(
                "scripted",
                () -> {
                    predictorsMade.incrementAndGet();
                    return new ScriptedPredictor(script);
                },
                0.90,
                0.0);
        return new Governor(heap, clock, policy, config);
    }

    private void ticks(Governor governor, int n, long tickNanos) {
        for (int i = 0; i < n; i++) {
            now[0] += tickNanos;
            governor.tick();
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.5, -0.1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void invalidPredictionIsDiscardedAndFallsBackToReactive(double invalid) {
        Governor governor = governor(tick -> invalid, GovernorConfig.DEFAULTS);
        ticks(governor, 1, TICK);
        GovernorStats stats = governor.stats();
        assertThat(stats.fallbacks()).isEqualTo(1);
        assertThat(stats.proactiveCompactions()).isZero();
        assertThat(heap.stats().compactions()).isZero();
        Decision decision = governor.recentDecisions(1).get(0);
        assertThat(decision.action()).isEqualTo(Action.FALLBACK);
        assertThat(decision.reason()).contains("invalid prediction");
    }

    @Test
    void validHighForecastCompactsAhead() {
        Governor governor = governor(tick -> 0.97, GovernorConfig.DEFAULTS);
        ticks(governor, 1, TICK);
        assertThat(governor.stats().proactiveCompactions()).isEqualTo(1);
        assertThat(governor.recentDecisions(1).get(0).action()).isEqualTo(Action.COMPACT);
        assertThat(heap.freeBlockCount()).isEqualTo(1);
    }

    @Test
    void compactionRateNeverExceedsTenPerSecondWhateverThePolicyAsks() {
        GovernorConfig fast = GovernorConfig.DEFAULTS.withTickNanos(5_000_000L);
        Governor governor = new Governor(heap, clock, new PeriodicPolicy(), fast);
        List<Long> compactionTimes = new ArrayList<>();
        heap.setListener(new HeapListener() {
            @Override
            public void onCompaction(CompactionResult result) {
                compactionTimes.add(now[0]);
            }
        });
        ticks(governor, 2_000, 5_000_000L); // 10 s of ticks every 5 ms: the policy asks 2,000 times
        assertThat(governor.stats().rateLimited()).isPositive();
        for (long start : compactionTimes) {
            long inWindow = compactionTimes.stream()
                    .filter(t -> t >= start && t < start + 1_000_000_000L)
                    .count();
            assertThat(inWindow)
                    .as("compactions in the second from %d ns", start)
                    .isLessThanOrEqualTo(10);
        }
        assertThat(compactionTimes).hasSizeBetween(95, 100);
    }

    @Test
    void watchdogFiresOnRepeatedAnomaliesDegradesAndRecoversAfterCooldown() {
        GovernorConfig config = GovernorConfig.DEFAULTS.withCooldownNanos(5_000_000_000L);
        Governor governor = governor(tick -> tick < 3 ? Double.NaN : 0.97, config);
        ticks(governor, 3, TICK);
        GovernorStats tripped = governor.stats();
        assertThat(tripped.watchdogAlerts()).isEqualTo(1);
        assertThat(tripped.mode()).isEqualTo(Mode.DEGRADED);
        assertThat(governor.recentDecisions(1).get(0).action()).isEqualTo(Action.DEGRADED);

        ticks(governor, 5, TICK); // still cooling down: reactive only, nothing compacts
        assertThat(governor.stats().proactiveCompactions()).isZero();
        assertThat(governor.stats().degradedTicks()).isPositive();

        ticks(governor, 6, TICK); // cool-down over: a fresh predictor, predictive again
        GovernorStats recovered = governor.stats();
        assertThat(recovered.recoveries()).isEqualTo(1);
        assertThat(recovered.mode()).isEqualTo(Mode.PREDICTIVE);
        assertThat(predictorsMade.get()).isEqualTo(2);
        assertThat(governor.recentDecisions(20)).extracting(Decision::action).contains(Action.RECOVERED);
    }

    @Test
    void predictorThatThrowsNeverTakesTheHeapDown() {
        Governor governor = governor(
                tick -> {
                    throw new IllegalStateException("injected failure");
                },
                GovernorConfig.DEFAULTS);
        ticks(governor, 10, TICK);
        GovernorStats stats = governor.stats();
        assertThat(stats.predictorFailures()).isPositive();
        assertThat(stats.watchdogAlerts()).isEqualTo(1);
        assertThat(stats.mode()).isEqualTo(Mode.DEGRADED);
        // The heap carries on reactively: a request that needs compaction still gets it.
        assertThat(heap.tryAllocate(200, AllocationMode.MAY_COMPACT)).isNotZero();
        heap.invariants();
    }

    @Test
    void watchdogFiresWhenErrorRunsFarAboveItsOwnRunningError() {
        // Accurate (pressure stays ~0.94, forecast 0.94) for 60 ticks, then wildly off.
        Governor governor = governor(tick -> tick < 60 ? heapPressure() : 0.05, GovernorConfig.DEFAULTS);
        ticks(governor, 60 + 40, TICK);
        assertThat(governor.stats().watchdogAlerts()).isEqualTo(1);
        assertThat(governor.recentDecisions(300))
                .filteredOn(d -> d.action() == Action.DEGRADED)
                .first()
                .extracting(Decision::reason)
                .asString()
                .contains("far above running error");
    }

    @Test
    void slowPredictionsAreAnomaliesOnTheGovernorsOwnClock() {
        PredictivePolicy slow = new PredictivePolicy(
                "slow", () -> new ScriptedPredictor(tick -> 0.5, () -> now[0] += 2_000_000L), 0.9, 0.0);
        Governor governor = new Governor(heap, clock, slow, GovernorConfig.DEFAULTS);
        ticks(governor, 3, TICK);
        assertThat(governor.stats().watchdogAlerts()).isEqualTo(1);
        assertThat(governor.recentDecisions(1).get(0).reason()).contains("budget");
    }

    private double heapPressure() {
        return heap.pressure();
    }
}
