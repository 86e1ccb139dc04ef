package org.mempred.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The steps of the reserve's escalation: each makes the block where the cheaper ones cannot. */
class ReserveRefillTest {
    private static final int KIB = 1024;

    /** {@code units} of [32 B used][16 B free]: no hole holds any block, so no window is placeable. */
    private static List<Long> combed(CompactingHeap heap, int units) {
        List<Long> kept = new ArrayList<>();
        List<Long> gaps = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            long h = heap.allocate(32, AllocationMode.ATOMIC);
            heap.typed().putInt(h, 0, i);
            heap.typed().putInt(h, 28, ~i);
            kept.add(h);
            gaps.add(heap.allocate(16, AllocationMode.ATOMIC));
        }
        gaps.forEach(heap::free);
        return kept;
    }

    private static void assertIntact(CompactingHeap heap, List<Long> kept) {
        for (long h : kept) {
            int i = heap.typed().getInt(h, 0);
            assertThat(heap.typed().getInt(h, 28)).isEqualTo(~i);
        }
        heap.invariants();
    }

    @Test
    void severalWindowsFindAWindowWhoseBlocksNeedMoreHolesThanOneWindowReads() {
        CompactingHeap heap = new CompactingHeap(64 * KIB);
        List<Long> blocks = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            blocks.add(heap.allocate(16, AllocationMode.ATOMIC));
        }
        for (int i = 0; i < 2048; i += 2) {
            heap.free(blocks.get(i)); // 1,024 holes of 16 B in the low half
        }
        heap.reserve().set(2 * KIB, 0); // a window of 2 KiB holds 64 blocks: more than 32 destinations

        CompactionResult one = heap.reserve().refill(RefillStep.WINDOW, 4 * KIB);
        assertThat(one.succeeded()).isFalse();
        assertThat(one.bytesMoved()).isZero();

        CompactionResult several = heap.reserve().refill(RefillStep.WINDOWS, 4 * KIB);
        assertThat(several.succeeded()).isTrue();
        assertThat(several.bytesMoved()).isLessThanOrEqualTo(4 * KIB);
        assertThat(heap.largestFreeBytes()).isGreaterThanOrEqualTo(2 * KIB);
        heap.invariants();
    }

    @Test
    void aRangeSlideMakesTheBlockWhereNoWindowIsPlaceableAndMovesOnlyTheRange() {
        CompactingHeap heap = new CompactingHeap(48 * KIB);
        List<Long> kept = combed(heap, 1024);
        heap.reserve().set(KIB, 0);
        assertThat(heap.reserve().refill(RefillStep.WINDOWS, 2 * KIB).succeeded())
                .isFalse();

        CompactionResult range = heap.reserve().refill(RefillStep.RANGE, 8 * KIB);

        assertThat(range.kind()).isEqualTo(CompactionResult.Kind.SLIDE);
        assertThat(range.succeeded()).isTrue();
        assertThat(heap.largestFreeBytes()).isGreaterThanOrEqualTo(KIB);
        // a range holding 1 KiB free holds about 2 KiB of blocks: far from the 32 KiB a full slide moves
        assertThat(range.bytesMoved()).isPositive().isLessThanOrEqualTo(3 * KIB);
        assertIntact(heap, kept);
    }

    @Test
    void aRangeSlideOverItsBudgetMovesNothing() {
        CompactingHeap heap = new CompactingHeap(48 * KIB);
        List<Long> kept = combed(heap, 1024);
        heap.reserve().set(4 * KIB, 0);

        CompactionResult range = heap.reserve().refill(RefillStep.RANGE, 2 * KIB);

        assertThat(range.succeeded()).isFalse();
        assertThat(range.bytesMoved()).isZero();
        assertThat(heap.stats().compactions()).isZero(); // a failed dearer step is no compaction
        assertIntact(heap, kept);
    }

    @Test
    void aFullRefillGathersEveryFreeByteIntoOneBlock() {
        CompactingHeap heap = new CompactingHeap(48 * KIB);
        List<Long> kept = combed(heap, 1024);
        heap.reserve().set(8 * KIB, 0);

        CompactionResult full = heap.reserve().refill(RefillStep.FULL, Long.MAX_VALUE);

        assertThat(full.succeeded()).isTrue();
        assertThat(heap.largestFreeBytes()).isEqualTo(heap.freeBytes());
        assertThat(heap.stats().compactions()).isEqualTo(1);
        assertIntact(heap, kept);
    }

    @Test
    void aRefillWithTheReserveOffIsRefused() {
        CompactingHeap heap = new CompactingHeap(4 * KIB);
        assertThatThrownBy(() -> heap.reserve().refill(RefillStep.WINDOW, KIB))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("target is 0");
        heap.reserve().set(KIB, 0);
        assertThatThrownBy(() -> heap.reserve().refill(RefillStep.RANGE, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBytesMoved=-1");
    }

    /**
     * Random heaps with pins, then every step with a random target and budget: contents intact,
     * pinned blocks where they were, never more moved than the budget, invariants after each.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void everyStepKeepsEveryByteEveryPinAndItsBudget(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        CompactingHeap heap = new CompactingHeap(16 * KIB);
        Map<Long, Integer> live = new HashMap<>();
        List<Long> handles = new ArrayList<>();
        for (int op = 0; op < 3000; op++) {
            if (random.nextInt(100) < 55 || handles.isEmpty()) {
                long h = heap.tryAllocate(16 + random.nextInt(400), AllocationMode.ATOMIC);
                if (h != Handles.NONE) {
                    int mark = random.nextInt();
                    heap.typed().putInt(h, 0, mark);
                    live.put(h, mark);
                    handles.add(h);
                    if (random.nextInt(100) < 3) {
                        heap.pin(h);
                    }
                }
            } else {
                int at = random.nextInt(handles.size());
                long h = handles.get(at);
                if (!heap.isPinned(h)) {
                    heap.free(h);
                    live.remove(h);
                    handles.set(at, handles.get(handles.size() - 1));
                    handles.remove(handles.size() - 1);
                }
            }
        }
        Map<Long, Integer> pinnedAt = pinnedAddresses(heap);
        for (RefillStep step : RefillStep.values()) {
            int target = 16 * (1 + random.nextInt(256));
            long budget = 16L * random.nextInt(512);
            heap.reserve().set(target, 0);
            CompactionResult result = heap.reserve().refill(step, budget);
            assertThat(result.bytesMoved()).as("seed %d step %s", seed, step).isLessThanOrEqualTo(budget);
            assertThat(result.largestFreeAfter()).isEqualTo(heap.largestFreeBytes());
            heap.invariants();
            live.forEach((h, mark) ->
                    assertThat(heap.typed().getInt(h, 0)).as("seed %d", seed).isEqualTo(mark));
            assertThat(pinnedAddresses(heap)).as("seed %d step %s", seed, step).isEqualTo(pinnedAt);
        }
    }

    private static Map<Long, Integer> pinnedAddresses(CompactingHeap heap) {
        Map<Long, Integer> pinned = new HashMap<>();
        heap.forEachBlock((address, size, free, isPinned) -> {
            if (isPinned) {
                pinned.put((long) address, size);
            }
        });
        return pinned;
    }
}
