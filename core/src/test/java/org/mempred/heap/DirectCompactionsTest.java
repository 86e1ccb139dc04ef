package org.mempred.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DirectCompactionsTest {

    /** A 4 KiB heap of sixteen 256-byte blocks with every other one freed: 2 KiB free in 256-byte holes. */
    private static CompactingHeap checkerboard() {
        CompactingHeap heap = new CompactingHeap(4096);
        long[] handles = new long[16];
        for (int i = 0; i < handles.length; i++) {
            handles[i] = heap.allocate(256, AllocationMode.ATOMIC);
        }
        for (int i = 0; i < handles.length; i += 2) {
            heap.free(handles[i]);
        }
        return heap;
    }

    @Test
    void aRequestHandsBackTheDirectCompactionItRan() {
        CompactingHeap heap = checkerboard();
        Allocation outcome = heap.allocate(new AllocationRequest().of(512, AllocationMode.MAY_COMPACT));
        DirectCompactions ran = outcome.directCompactions();

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.oomKind()).isEmpty();
        assertThat(outcome.subArena()).isZero();
        assertThat(ran.count()).isEqualTo(1);
        assertThat(ran.get(0).direct()).isTrue();
        assertThat(ran.get(0).kind()).isEqualTo(CompactionResult.Kind.EVACUATE);
        assertThat(ran.get(0).bytesMoved()).isPositive();
        assertThat(heap.stats().directCompactions()).isEqualTo(1);
    }

    @Test
    void aRequestServedWithoutCompactionOrAnAtomicOneHandsBackNothing() {
        CompactingHeap heap = checkerboard();
        AllocationRequest request = new AllocationRequest();

        assertThat(heap.allocate(request.of(256, AllocationMode.MAY_COMPACT)).succeeded())
                .isTrue();
        assertThat(request.outcome().directCompactions().count()).isZero();
        Allocation atomic = heap.allocate(request.of(512, AllocationMode.ATOMIC));
        assertThat(atomic.oomKind()).contains(OomKind.FRAGMENTATION);

        DirectCompactions ran = atomic.directCompactions();
        assertThat(ran.count()).isZero();
        assertThatThrownBy(() -> ran.get(0)).hasMessageContaining("index=0").hasMessageContaining("count=0");
    }
}
