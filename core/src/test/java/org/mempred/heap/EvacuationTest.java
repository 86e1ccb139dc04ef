package org.mempred.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvacuationTest {
    private static final int KIB = 1024;

    /**
     * 64 KiB of 1 KiB blocks; the low half keeps every block, the high half frees three of every
     * four, so the cheapest 4 KiB window is in the high half and costs one block.
     */
    private static List<Long> fragment(CompactingHeap heap) {
        return fragment(heap, false);
    }

    /** As {@link #fragment(CompactingHeap)}; with {@code lowHoles} one in four low blocks is freed too. */
    private static List<Long> fragment(CompactingHeap heap, boolean lowHoles) {
        List<Long> live = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            long h = heap.allocate(KIB, AllocationMode.ATOMIC);
            heap.typed().putInt(h, 0, i);
            heap.typed().putInt(h, KIB - 4, ~i);
            live.add(h);
        }
        List<Long> kept = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            if ((i >= 32 && i % 4 != 0) || (lowHoles && i < 32 && i % 4 == 0)) {
                heap.free(live.get(i));
            } else {
                kept.add(live.get(i));
            }
        }
        return kept;
    }

    private static void assertIntact(CompactingHeap heap, List<Long> kept) {
        for (long h : kept) {
            int i = heap.typed().getInt(h, 0);
            assertThat(heap.typed().getInt(h, KIB - 4)).isEqualTo(~i);
        }
        heap.invariants();
    }

    @Test
    void compactForEmptiesTheCheapestWindowAndKeepsEveryByte() {
        CompactingHeap heap = new CompactingHeap(64 * KIB);
        List<Long> kept = fragment(heap);
        assertThat(heap.largestFreeBytes()).isEqualTo(3 * KIB);

        CompactionResult result = heap.compactFor(4 * KIB, Long.MAX_VALUE);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.kind()).isEqualTo(CompactionResult.Kind.EVACUATE);
        assertThat(result.bytesMoved()).isEqualTo(KIB);
        assertThat(result.blocksMoved()).isEqualTo(1);
        assertThat(heap.largestFreeBytes()).isGreaterThanOrEqualTo(4 * KIB);
        assertIntact(heap, kept);
    }

    @Test
    void compactForMovesNothingWhenABlockAlreadyFits() {
        CompactingHeap heap = new CompactingHeap(64 * KIB);
        fragment(heap);
        CompactionResult result = heap.compactFor(2 * KIB, Long.MAX_VALUE);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.bytesMoved()).isZero();
    }

    @Test
    void compactForRefusesAWindowOverItsBudgetAndMovesNothing() {
        CompactingHeap heap = new CompactingHeap(64 * KIB);
        List<Long> kept = fragment(heap);
        CompactionResult result = heap.compactFor(4 * KIB, KIB - 16);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.bytesMoved()).isZero();
        assertThat(heap.largestFreeBytes()).isEqualTo(3 * KIB);
        assertIntact(heap, kept);
    }

    @Test
    void compactForNeverMovesAPinnedBlock() {
        CompactingHeap heap = new CompactingHeap(64 * KIB);
        List<Long> kept = fragment(heap);
        List<Integer> before = new ArrayList<>();
        for (int i = 16; i < kept.size(); i++) {
            heap.pin(kept.get(i)); // every block of the high half and half of the low one
        }
        heap.forEachBlock((offset, size, free, pinned) -> {
            if (pinned) {
                before.add(offset);
            }
        });
        CompactionResult result = heap.compactFor(4 * KIB, Long.MAX_VALUE);
        List<Integer> after = new ArrayList<>();
        heap.forEachBlock((offset, size, free, pinned) -> {
            if (pinned) {
                after.add(offset);
            }
        });
        assertThat(after).isEqualTo(before);
        assertThat(result.succeeded()).isEqualTo(heap.largestFreeBytes() >= 4 * KIB);
        assertIntact(heap, kept);
    }

    @Test
    void directEvacuationServesARequestThatSlidingFromAddressZeroCannot() {
        CompactingHeap evacuating = new CompactingHeap(64 * KIB, 2 * KIB, DirectCompaction.EVACUATE);
        CompactingHeap sliding = new CompactingHeap(64 * KIB, 2 * KIB, DirectCompaction.SLIDE);
        List<Long> keptEvacuating = fragment(evacuating, true);
        fragment(sliding, true);

        assertThat(evacuating.tryAllocate(4 * KIB, AllocationMode.MAY_COMPACT)).isNotEqualTo(Handles.NONE);
        assertThat(sliding.tryAllocate(4 * KIB, AllocationMode.MAY_COMPACT)).isEqualTo(Handles.NONE);
        assertThat(evacuating.stats().bytesMoved()).isEqualTo(KIB);
        assertThat(sliding.stats().oomFragmentation()).isEqualTo(1);
        assertIntact(evacuating, keptEvacuating);
    }

    @Test
    void directCompactionSlidesWhenNoWindowsBlocksFitElsewhere() {
        // [B 2K][hole 1K][C 2K][hole 1K]: any 2 KiB window holds a 2 KiB block and no hole outside
        // takes it, but sliding C down next to B joins the two holes.
        CompactingHeap heap = new CompactingHeap(6 * KIB, 4 * KIB, DirectCompaction.EVACUATE);
        long b = heap.allocate(2 * KIB, AllocationMode.ATOMIC);
        long h1 = heap.allocate(KIB, AllocationMode.ATOMIC);
        long c = heap.allocate(2 * KIB, AllocationMode.ATOMIC);
        long h2 = heap.allocate(KIB, AllocationMode.ATOMIC);
        heap.typed().putLong(c, 0, 0x0123_4567_89AB_CDEFL);
        heap.free(h1);
        heap.free(h2);
        assertThat(heap.compactFor(2 * KIB, Long.MAX_VALUE).succeeded()).isFalse();

        assertThat(heap.tryAllocate(2 * KIB, AllocationMode.MAY_COMPACT)).isNotEqualTo(Handles.NONE);
        assertThat(heap.stats().directCompactions()).isEqualTo(2); // the evacuation, then the slide
        assertThat(heap.typed().getLong(c, 0)).isEqualTo(0x0123_4567_89AB_CDEFL);
        assertThat(heap.isLive(b)).isTrue();
        heap.invariants();
    }

    @Test
    void aWindowOfManySmallBlocksIsEvacuatedInOrderAndIntact() {
        // 16-byte blocks; in the high half three of every four are freed, leaving 48-byte holes, so a
        // 4 KiB window holds about 64 blocks to re-place (more than the insertion-sorted few).
        CompactingHeap heap = new CompactingHeap(64 * KIB);
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 4 * KIB; i++) {
            long h = heap.allocate(16, AllocationMode.ATOMIC);
            heap.typed().putInt(h, 0, i);
            all.add(h);
        }
        List<Long> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i >= 2 * KIB && i % 4 != 0) {
                heap.free(all.get(i));
            } else {
                kept.add(all.get(i));
            }
        }
        assertThat(heap.largestFreeBytes()).as("largest hole").isEqualTo(48);
        CompactionResult result = heap.compactFor(4 * KIB, Long.MAX_VALUE);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.blocksMoved()).isGreaterThan(32);
        for (int k = 0; k < kept.size(); k++) {
            int expected = k < 2 * KIB ? k : 2 * KIB + 4 * (k - 2 * KIB);
            assertThat(heap.typed().getInt(kept.get(k), 0)).isEqualTo(expected);
        }
        heap.invariants();
    }

    @Test
    void evacuationFindsCheapWindowsOnAnArenaWithCoarseSummaryLevels() {
        // 16 MiB of 1 KiB blocks, every other one freed (1 KiB holes), except one stretch where
        // seven of every eight are freed: the only cheap 8 KiB windows are there.
        CompactingHeap heap = new CompactingHeap(16 * KIB * KIB);
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 16 * KIB; i++) {
            long h = heap.allocate(KIB, AllocationMode.ATOMIC);
            heap.typed().putInt(h, 0, i);
            heap.typed().putInt(h, KIB - 4, ~i);
            all.add(h);
        }
        List<Long> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            boolean stretch = i >= 10_000 && i < 10_032;
            if (stretch ? i % 8 != 0 : i % 2 == 1) {
                heap.free(all.get(i));
            } else {
                kept.add(all.get(i));
            }
        }
        assertThat(heap.largestFreeBytes()).isEqualTo(7 * KIB);
        CompactionResult result = heap.compactFor(8 * KIB, Long.MAX_VALUE);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.bytesMoved()).isEqualTo(KIB);
        assertIntact(heap, kept);
    }

    @Test
    void reserveWakesOnceWhenContiguousSpaceRunsShortAndCompactForAnswersIt() {
        CompactingHeap heap = new CompactingHeap(64 * KIB);
        AllocationRequest request = new AllocationRequest();
        fragment(heap);
        heap.reserve().set(4 * KIB, 2 * KIB);
        assertThat(heap.allocate(request.of(16, AllocationMode.ATOMIC)).wakeupRaised())
                .isTrue();
        assertThat(heap.allocate(request.of(16, AllocationMode.ATOMIC)).wakeupRaised())
                .as("pending: raised once")
                .isFalse();
        assertThat(heap.reserve().wakeupPending()).isTrue();

        heap.compactFor(heap.reserve().targetBytes(), Long.MAX_VALUE);

        assertThat(heap.reserve().wakeupPending()).isFalse();
        assertThat(heap.largestFreeBytes()).isGreaterThanOrEqualTo(4 * KIB);
        assertThat(heap.allocate(request.of(16, AllocationMode.ATOMIC)).wakeupRaised())
                .isFalse();
    }

    @Test
    void turningTheReserveOffDropsAPendingWakeup() {
        CompactingHeap heap = new CompactingHeap(64 * KIB);
        fragment(heap);
        heap.reserve().set(4 * KIB, 0);
        assertThat(heap.allocate(new AllocationRequest().of(16, AllocationMode.ATOMIC))
                        .wakeupRaised())
                .isTrue();
        heap.reserve().set(0, 0);
        assertThat(heap.reserve().wakeupPending()).isFalse();
    }

    @Test
    void reserveStaysQuietWhenTooLittleIsFreeToMakeIt() {
        CompactingHeap heap = new CompactingHeap(64 * KIB);
        fragment(heap);
        heap.reserve().set(20 * KIB, 10 * KIB); // 24 KiB free < 30 KiB
        heap.allocate(16, AllocationMode.ATOMIC);
        assertThat(heap.reserve().wakeupPending()).isFalse();
    }

    @Test
    void badTargetsAndBudgetsThrowAndChangeNothing() {
        CompactingHeap heap = new CompactingHeap(64 * KIB);
        List<Long> kept = fragment(heap);
        HeapStats before = heap.stats();
        assertThatThrownBy(() -> heap.compactFor(0, 1)).hasMessageContaining("size=0");
        assertThatThrownBy(() -> heap.compactFor(65 * KIB, 1)).hasMessageContaining("capacityBytes=65536");
        assertThatThrownBy(() -> heap.compactFor(KIB, -1)).hasMessageContaining("maxBytesMoved=-1");
        assertThatThrownBy(() -> heap.reserve().set(-1, 0)).hasMessageContaining("targetBytes=-1");
        assertThat(heap.stats()).isEqualTo(before);
        assertIntact(heap, kept);
    }

    @Test
    void requestSizesKnowTheLargestRequestToWithinItsClass() {
        CompactingHeap heap = new CompactingHeap(64 * KIB);
        RequestSizes start = heap.stats().requestSizes();
        heap.tryAllocate(5000, AllocationMode.ATOMIC);
        heap.tryAllocate(100, AllocationMode.ATOMIC);
        RequestSizes after = heap.stats().requestSizes();
        long largest = after.largestSinceBytes(start, heap.capacityBytes());
        assertThat(largest).isBetween(5000L, 5000L * 9 / 8);
        assertThat(after.count()).isEqualTo(2);
        assertThat(after.largestSinceBytes(after, heap.capacityBytes())).isZero();
        for (int size = 1; size < 1 << 20; size += 1 + size / 7) {
            int index = RequestSizes.classOf(size);
            assertThat(RequestSizes.upperEdge(index)).isGreaterThanOrEqualTo(size);
            assertThat(RequestSizes.upperEdge(index)).isLessThanOrEqualTo(Math.max(size, (long) size * 9 / 8 + 1));
        }
    }
}
