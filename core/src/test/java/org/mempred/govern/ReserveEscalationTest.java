package org.mempred.govern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mempred.govern.CompactionPolicy.Proposal;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.CompactionResult;

/** The escalation climbs from the cheapest step, stops at the first that serves, and keeps its bounds. */
class ReserveEscalationTest {
    private static final int KIB = 1024;
    private static final long SECOND = 1_000_000_000L;

    /** 48 KiB of [32 B used][16 B free]: no hole holds a block, so no window can be emptied. */
    private static CompactingHeap combed() {
        CompactingHeap heap = new CompactingHeap(48 * KIB);
        List<Long> gaps = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            heap.allocate(32, AllocationMode.ATOMIC);
            gaps.add(heap.allocate(16, AllocationMode.ATOMIC));
        }
        gaps.forEach(heap::free);
        return heap;
    }

    private static Proposal reserve(CompactingHeap heap, int targetBytes, int surgeBytes) {
        heap.reserve().set(targetBytes, 0);
        return Proposal.reserve(targetBytes, 0, surgeBytes, "test");
    }

    @Test
    void aHeapWithAPlaceableWindowIsServedByTheWindowAlone() {
        CompactingHeap heap = new CompactingHeap(16 * KIB);
        long a = heap.allocate(KIB, AllocationMode.ATOMIC);
        heap.allocate(KIB / 2, AllocationMode.ATOMIC);
        heap.allocate(KIB, AllocationMode.ATOMIC);
        heap.allocate(12 * KIB + KIB / 2, AllocationMode.ATOMIC);
        heap.free(a); // holes of 1 KiB at 0 and at the end: the 512 B block between moves to the end
        ReserveEscalation escalation = new ReserveEscalation(heap.capacityBytes(), 5_000_000_000L);

        CompactionResult result = escalation.refill(heap, reserve(heap, 3 * KIB / 2, 3 * KIB / 2), 0);

        assertThat(result.largestFreeAfter()).isGreaterThanOrEqualTo(3 * KIB / 2);
        assertThat(result.bytesMoved()).isEqualTo(KIB / 2);
        assertThat(escalation.mix()).isEqualTo(new EscalationMix(1, 0, 0, 0, 0));
        assertThat(escalation.lastServed()).isEqualTo("window");
    }

    @Test
    void noPlaceableWindowEscalatesToTheRangeSlideWithinItsShareOfTheArena() {
        CompactingHeap heap = combed();
        ReserveEscalation escalation = new ReserveEscalation(heap.capacityBytes(), 5_000_000_000L);

        CompactionResult result = escalation.refill(heap, reserve(heap, KIB, 0), 0);

        assertThat(escalation.mix()).isEqualTo(new EscalationMix(0, 0, 1, 0, 0));
        assertThat(result.bytesMoved()).isPositive().isLessThanOrEqualTo((long)
                (ReserveEscalation.RANGE_SHARE * heap.capacityBytes()));
        assertThat(escalation.allowanceBytes()).isEqualTo(heap.capacityBytes() - result.bytesMoved());
        heap.invariants();
    }

    @Test
    void aFullCompactionRunsOnlyForASurgeTheCheaperStepsCannotServe() {
        CompactingHeap heap = combed(); // 4 KiB free in a range needs ~8 KiB moved: over 1/8 of 48 KiB
        ReserveEscalation escalation = new ReserveEscalation(heap.capacityBytes(), 5_000_000_000L);

        escalation.refill(heap, reserve(heap, 4 * KIB, 0), 0);
        assertThat(escalation.mix()).isEqualTo(new EscalationMix(0, 0, 0, 0, 1));
        assertThat(heap.largestFreeBytes()).isLessThan(4 * KIB);

        CompactionResult full = escalation.refill(heap, reserve(heap, 4 * KIB, 4 * KIB), 1);
        assertThat(escalation.mix()).isEqualTo(new EscalationMix(0, 0, 0, 1, 1));
        assertThat(heap.largestFreeBytes()).isEqualTo(heap.freeBytes());
        assertThat(escalation.allowanceBytes()).isEqualTo(heap.capacityBytes() - full.bytesMoved());
        heap.invariants();
    }

    @Test
    void theAllowanceBoundsFullCompactionsToAboutOneArenaPerHorizon() {
        CompactingHeap heap = combed();
        ReserveEscalation escalation = new ReserveEscalation(heap.capacityBytes(), 5_000_000_000L);
        escalation.refill(heap, reserve(heap, 4 * KIB, 4 * KIB), 0); // a full compaction
        assertThat(escalation.mix().full()).isEqualTo(1);

        CompactingHeap again = combed();
        escalation.refill(again, reserve(again, 4 * KIB, 4 * KIB), SECOND); // 1 s later: too little allowance
        assertThat(escalation.mix().full()).isEqualTo(1);
        assertThat(escalation.mix().unserved()).isEqualTo(1);
        assertThat(again.largestFreeBytes()).isLessThan(4 * KIB);

        escalation.refill(again, reserve(again, 4 * KIB, 4 * KIB), 6 * SECOND); // a horizon later: allowed
        assertThat(escalation.mix().full()).isEqualTo(2);
    }

    @Test
    void aSurgeIsAtLeastTwiceTheLargestRequestOfTheLastHorizon() {
        RecentLargest recent = new RecentLargest(5 * SECOND);
        assertThat(recent.surge(0, 4096)).isEqualTo(4096); // nothing seen: any request is a surge
        recent.add(0, 2048);
        assertThat(recent.surge(SECOND, 4096)).isEqualTo(4096);
        assertThat(recent.surge(SECOND, 4095)).isZero();
        recent.add(2 * SECOND, 3000);
        assertThat(recent.surge(3 * SECOND, 4096)).isZero();
        assertThat(recent.largest(3 * SECOND)).isEqualTo(3000);
        assertThat(recent.largest(8 * SECOND)).isZero(); // both older than the horizon
        assertThat(recent.surge(8 * SECOND, 4096)).isEqualTo(4096);
        assertThat(recent.surge(8 * SECOND, 0)).isZero();
    }
}
