package org.mempred.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactingHeapTest {

    @Test
    void freshHeapIsOneFreeBlock() {
        CompactingHeap heap = new CompactingHeap(CompactingHeap.DEFAULT_CAPACITY_BYTES);
        assertThat(heap.freeBytes()).isEqualTo(102_400);
        assertThat(heap.largestFreeBytes()).isEqualTo(102_400);
        assertThat(heap.freeBlockCount()).isEqualTo(1);
        assertThat(heap.pressure()).isZero();
        assertThat(heap.fragmentation()).isZero();
        heap.invariants();
    }

    @Test
    void sizesRoundUpToTheGranuleAndCountAsUsed() {
        CompactingHeap heap = new CompactingHeap(1024);
        long h = heap.allocate(17, AllocationMode.ATOMIC);
        assertThat(heap.usedBytes()).isEqualTo(32);
        assertThat(heap.sizeOf(h)).isEqualTo(17);
        assertThat(heap.pressure()).isEqualTo(32.0 / 1024);
        heap.free(h);
        assertThat(heap.usedBytes()).isZero();
        assertThat(heap.freeBlockCount()).isEqualTo(1);
    }

    @Test
    void freeCoalescesWithBothNeighbours() {
        CompactingHeap heap = new CompactingHeap(1024);
        long a = heap.allocate(64, AllocationMode.ATOMIC);
        long b = heap.allocate(64, AllocationMode.ATOMIC);
        long c = heap.allocate(64, AllocationMode.ATOMIC);
        heap.free(a);
        heap.free(c);
        assertThat(heap.freeBlockCount()).isEqualTo(2);
        heap.free(b);
        assertThat(heap.freeBlockCount()).isEqualTo(1);
        assertThat(heap.largestFreeBytes()).isEqualTo(1024);
        heap.invariants();
    }

    @Test
    void newBlocksAreZeroFilledEvenWhereAnOldBlockLived() {
        CompactingHeap heap = new CompactingHeap(256);
        long a = heap.allocate(100, AllocationMode.ATOMIC);
        heap.write(a, 0, filled(100, (byte) 0x5A));
        heap.free(a);
        long b = heap.allocate(100, AllocationMode.ATOMIC);
        assertThat(heap.readAll(b)).containsOnly((byte) 0);
    }

    @Test
    void primitiveAccessorsAreLittleEndianAndRoundTrip() {
        CompactingHeap heap = new CompactingHeap(256);
        long h = heap.allocate(16, AllocationMode.ATOMIC);
        heap.typed().putLong(h, 8, 0x0102030405060708L);
        heap.typed().putInt(h, 0, 0xCAFEBABE);
        heap.typed().putByte(h, 4, (byte) 7);
        assertThat(heap.typed().getLong(h, 8)).isEqualTo(0x0102030405060708L);
        assertThat(heap.typed().getInt(h, 0)).isEqualTo(0xCAFEBABE);
        assertThat(heap.typed().getByte(h, 4)).isEqualTo((byte) 7);
        assertThat(heap.typed().getByte(h, 8)).isEqualTo((byte) 0x08);
    }

    @Test
    void fragmentationFailureIsAnOomEventThatDirectCompactionPrevents() {
        CompactingHeap atomicHeap = checkerboard(new CompactingHeap(1024));
        HeapStats before = atomicHeap.stats();
        assertThat(atomicHeap.tryAllocate(64, AllocationMode.ATOMIC)).isEqualTo(Handles.NONE);
        HeapStats after = atomicHeap.stats();
        assertThat(after.oomEvents() - before.oomEvents()).isEqualTo(1);
        assertThat(after.oomFragmentation() - before.oomFragmentation()).isEqualTo(1);
        assertThat(after.compactions()).isZero();

        CompactingHeap compactingHeap = checkerboard(new CompactingHeap(1024));
        long oomBefore = compactingHeap.stats().oomEvents();
        long h = compactingHeap.tryAllocate(64, AllocationMode.MAY_COMPACT);
        assertThat(h).isNotEqualTo(Handles.NONE);
        assertThat(compactingHeap.stats().directCompactions()).isEqualTo(1);
        assertThat(compactingHeap.stats().oomEvents()).isEqualTo(oomBefore);
        compactingHeap.invariants();
    }

    @Test
    void exhaustionFailsWithoutCompactingAndIsClassifiedAsSuch() {
        CompactingHeap heap = new CompactingHeap(256);
        heap.allocate(200, AllocationMode.ATOMIC);
        Allocation outcome = heap.allocate(new AllocationRequest().of(100, AllocationMode.MAY_COMPACT));
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.handle()).isEqualTo(Handles.NONE);
        assertThat(outcome.oomKind()).contains(OomKind.EXHAUSTION);
        assertThat(outcome.directCompactions().count()).isZero();
        assertThatThrownBy(() -> heap.allocate(100, AllocationMode.MAY_COMPACT))
                .isInstanceOf(AllocationFailedException.class)
                .hasMessageContaining("size=100")
                .hasMessageContaining("EXHAUSTION");
        assertThat(heap.stats().oomExhaustion()).isEqualTo(2);
        assertThat(heap.stats().compactions()).isZero();
    }

    @Test
    void fullCompactionLeavesOneFreeBlockAndKeepsContents() {
        CompactingHeap heap = checkerboard(new CompactingHeap(1024));
        long marker = heap.allocate(16, AllocationMode.ATOMIC);
        heap.typed().putLong(marker, 0, 42L);
        CompactionResult result = heap.compact();
        assertThat(result.freeBlocksAfter()).isEqualTo(1);
        assertThat(result.largestFreeAfter()).isEqualTo(heap.freeBytes());
        assertThat(result.bytesMoved()).isPositive();
        assertThat(heap.typed().getLong(marker, 0)).isEqualTo(42L);
        assertThat(heap.fragmentation()).isZero();
        heap.invariants();
    }

    @Test
    void pinnedBlocksStayAndSplitTheFreeSpace() {
        CompactingHeap heap = new CompactingHeap(1024);
        long a = heap.allocate(64, AllocationMode.ATOMIC);
        long p = heap.allocate(64, AllocationMode.ATOMIC);
        long b = heap.allocate(64, AllocationMode.ATOMIC);
        heap.typed().putInt(p, 0, 99);
        heap.pin(p);
        heap.free(a);
        heap.compact();
        heap.invariants();
        int[] pinnedOffset = {-1};
        heap.forEachBlock((offset, size, free, pinned) -> {
            if (pinned) {
                pinnedOffset[0] = offset;
            }
        });
        assertThat(pinnedOffset[0]).isEqualTo(64);
        assertThat(heap.freeBlockCount()).isEqualTo(2);
        assertThat(heap.typed().getInt(p, 0)).isEqualTo(99);
        heap.unpin(p);
        heap.compact();
        assertThat(heap.freeBlockCount()).isEqualTo(1);
        assertThat(heap.isLive(b)).isTrue();
    }

    @Test
    void budgetedCompactionNeverMovesMoreThanItsBudget() {
        CompactingHeap heap = checkerboard(new CompactingHeap(4096));
        CompactionResult result = heap.compact(100);
        assertThat(result.bytesMoved()).isLessThanOrEqualTo(100).isPositive();
        assertThat(result.direct()).isFalse();
        heap.invariants();
        assertThat(heap.compact(0).bytesMoved()).isZero();
        heap.invariants();
    }

    @Test
    void fragmentationIndexFollowsLinuxDefinition() {
        CompactingHeap heap = checkerboard(new CompactingHeap(1024));
        // 16 free blocks of 32 bytes each: a 64-byte request fits none.
        assertThat(heap.stats().fragmentationIndex(32)).isEqualTo(-1.0);
        double expected = 1.0 - (1.0 + (512.0 / 16) / (64.0 / 16)) / 16;
        assertThat(heap.stats().fragmentationIndex(64)).isEqualTo(expected);
        assertThat(heap.fragmentation()).isEqualTo(1.0 - 32.0 / 512);
    }

    /** Fills the heap with 32-byte blocks and frees every other one: 16 holes of 32 bytes in 1 KiB. */
    static CompactingHeap checkerboard(CompactingHeap heap) {
        List<Long> blocks = new ArrayList<>();
        long h;
        while ((h = heap.tryAllocate(32, AllocationMode.ATOMIC)) != Handles.NONE) {
            blocks.add(h);
        }
        for (int i = 0; i < blocks.size(); i += 2) {
            heap.free(blocks.get(i));
        }
        return heap;
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
