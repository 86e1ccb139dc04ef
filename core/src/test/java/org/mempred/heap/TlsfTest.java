package org.mempred.heap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TlsfTest {

    @Test
    void smallSizesHaveOneListEach() {
        for (int n = 1; n < Tlsf.SL_COUNT; n++) {
            assertThat(Tlsf.listIndex(n)).isEqualTo(n);
            assertThat(Tlsf.searchIndex(n)).isEqualTo(n);
        }
    }

    @Test
    void listIndexIsMonotoneAndSearchIndexOnlyHoldsFittingBlocks() {
        int previous = 0;
        for (int n = 1; n < 1 << 20; n++) {
            int index = Tlsf.listIndex(n);
            assertThat(index).isGreaterThanOrEqualTo(previous);
            previous = index;
        }
        // Sizes map monotonically, so "every size at or above searchIndex(n) is at least n"
        // holds exactly when the size just below n maps below it.
        for (int n = 2; n < 1 << 20; n++) {
            assertThat(Tlsf.listIndex(n - 1)).isLessThan(Tlsf.searchIndex(n));
            assertThat(Tlsf.listIndex(n)).isLessThanOrEqualTo(Tlsf.searchIndex(n));
        }
    }

    @Test
    void largestHeapMapsInsideTheIndex() {
        int granules = CompactingHeap.MAX_CAPACITY_BYTES / Granules.BYTES;
        assertThat(Tlsf.searchIndex(granules)).isLessThan(32 * Tlsf.SL_COUNT);
    }

    @Test
    void aFittingBlockInTheRequestsOwnClassIsFound() {
        // Free blocks of 32 and 33 granules share a class; a request for 33 rounds up past it,
        // finds nothing there, and must still get the 33-granule block.
        CompactingHeap heap = new CompactingHeap(16 * 128);
        long a = heap.allocate(32 * 16, AllocationMode.ATOMIC);
        long sep1 = heap.allocate(16, AllocationMode.ATOMIC);
        long b = heap.allocate(33 * 16, AllocationMode.ATOMIC);
        long sep2 = heap.allocate(16, AllocationMode.ATOMIC);
        heap.allocate(heap.freeBytes(), AllocationMode.ATOMIC);
        heap.free(a);
        heap.free(b);
        assertThat(Tlsf.listIndex(32)).isEqualTo(Tlsf.listIndex(33));
        assertThat(Tlsf.searchIndex(33)).isGreaterThan(Tlsf.listIndex(33));
        assertThat(heap.tryAllocate(33 * 16, AllocationMode.ATOMIC)).isNotEqualTo(Handles.NONE);
        assertThat(heap.isLive(sep1) && heap.isLive(sep2)).isTrue();
        heap.invariants();
    }
}
