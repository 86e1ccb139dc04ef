package org.mempred.govern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mempred.govern.Decision.Action;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.CompactingHeap;
import org.mempred.predict.PredictorConfig;
import org.mempred.telemetry.Clock;

/** The reserve and its wake-ups, answered by the governor through its safety rules. */
class GovernorReserveTest {
    private static final int KIB = 1024;

    private final long[] now = {0};
    private final Clock clock = () -> now[0];

    /** 64 KiB of 1 KiB blocks with three of every four freed in the high half: holes of 3 KiB. */
    private static CompactingHeap fragmented() {
        CompactingHeap heap = new CompactingHeap(64 * KIB);
        List<Long> blocks = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            blocks.add(heap.allocate(KIB, AllocationMode.ATOMIC));
        }
        for (int i = 32; i < 64; i++) {
            if (i % 4 != 0) {
                heap.free(blocks.get(i));
            }
        }
        return heap;
    }

    @Test
    void aReservePolicySetsTheHeapsReserveAndEvacuatesAtOnceWhenItIsShort() {
        CompactingHeap heap = fragmented();
        // A request of 4080 B fits in no 3 KiB hole and fails; reserve sizes itself to its class (4 KiB).
        heap.tryAllocate(4 * KIB - 16, AllocationMode.ATOMIC);
        Governor governor = new Governor(
                heap,
                clock,
                new ReservePolicy("reserve", 0.0, PredictorConfig.DEFAULT_HORIZON_NANOS),
                GovernorConfig.DEFAULTS);
        now[0] = 500_000_000L;
        var ran = governor.tick();

        assertThat(ran).hasValueSatisfying(result -> {
            assertThat(result.direct()).isFalse();
            assertThat(result.targetBytes()).isEqualTo(4 * KIB);
        });
        assertThat(heap.reserve().targetBytes()).isEqualTo(4 * KIB);
        assertThat(heap.largestFreeBytes()).isGreaterThanOrEqualTo(4 * KIB);
        assertThat(governor.stats().proactiveCompactions()).isEqualTo(1);
        assertThat(governor.stats().escalation()).isEqualTo(new EscalationMix(1, 0, 0, 0, 0));
        assertThat(governor.recentDecisions(1).get(0).reason()).contains("refilled for 4096 B by window");
        heap.invariants();
    }

    @Test
    void wakeUpsAreAnsweredBetweenTicksButNeverFasterThanTheRateLimit() {
        CompactingHeap heap = fragmented();
        heap.tryAllocate(3 * KIB + 16, AllocationMode.ATOMIC); // the largest request so far: 3 KiB + 16
        Governor governor = new Governor(
                heap,
                clock,
                new ReservePolicy("reserve", 0.0, PredictorConfig.DEFAULT_HORIZON_NANOS),
                GovernorConfig.DEFAULTS);
        now[0] = 500_000_000L;
        governor.tick(); // reserve set and refilled
        long afterTick = governor.stats().proactiveCompactions();

        now[0] += 1_000_000L; // 1 ms later: the bucket (10/s, depth 1) has no token yet
        heap.allocate(3 * KIB + 16, AllocationMode.ATOMIC); // fits only the reserve block, which it splits
        assertThat(heap.reserve().wakeupPending()).isTrue();
        assertThat(governor.onReserveWakeup()).isEmpty(); // refused by the rate limit
        assertThat(governor.stats().proactiveCompactions()).isEqualTo(afterTick);
        assertThat(governor.stats().rateLimited()).isEqualTo(1);
        assertThat(heap.reserve().wakeupPending()).isFalse();

        now[0] += 200_000_000L; // a token again
        heap.free(heap.allocate(16, AllocationMode.ATOMIC)); // the next allocation wakes the governor again
        assertThat(heap.reserve().wakeupPending()).isTrue();
        assertThat(governor.onReserveWakeup()).isPresent();
        assertThat(governor.stats().proactiveCompactions()).isEqualTo(afterTick + 1);
        assertThat(governor.reserveWakeups()).isEqualTo(2);
        assertThat(governor.recentDecisions(1).get(0).action()).isEqualTo(Action.COMPACT);
        heap.invariants();
    }

    @Test
    void reactivePoliciesKeepNoReserveAndIgnoreWakeUps() {
        CompactingHeap heap = fragmented();
        heap.reserve().set(8 * KIB, 0);
        Governor governor = new Governor(
                heap, clock, PolicySpec.Reactive.EVACUATE.create(PredictorConfig.DEFAULTS), GovernorConfig.DEFAULTS);
        now[0] = 500_000_000L;
        governor.tick();
        assertThat(heap.reserve().targetBytes()).isZero();
        heap.reserve().set(8 * KIB, 0);
        heap.free(heap.allocate(16, AllocationMode.ATOMIC));
        governor.onReserveWakeup();
        assertThat(governor.stats().proactiveCompactions()).isZero();
        assertThat(heap.reserve().wakeupPending()).isFalse();
    }
}
