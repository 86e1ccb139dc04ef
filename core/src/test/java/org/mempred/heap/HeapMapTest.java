package org.mempred.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeapMapTest {

    @Test
    void mapShowsUsedFreeAndPinnedCells() {
        CompactingHeap heap = new CompactingHeap(160);
        long a = heap.allocate(32, AllocationMode.ATOMIC);
        long p = heap.allocate(16, AllocationMode.ATOMIC);
        heap.allocate(8, AllocationMode.ATOMIC);
        heap.pin(p);
        heap.free(a);
        assertThat(HeapMap.render(heap, 10)).isEqualTo("..P#......");
        assertThat(HeapMap.render(heap, 5)).isEqualTo(".P...");
        CompactingHeap half = new CompactingHeap(64);
        half.allocate(16, AllocationMode.ATOMIC);
        assertThat(HeapMap.render(half, 2)).isEqualTo("+.");
    }

    @Test
    void widthMustBePositive() {
        assertThatThrownBy(() -> HeapMap.render(new CompactingHeap(16), 0)).hasMessageContaining("width=0");
    }
}
