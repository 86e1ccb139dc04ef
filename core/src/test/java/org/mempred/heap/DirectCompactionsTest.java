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
        DirectCompactions ran = new DirectCompactions();

        long handle = heap.tryAllocate(512, AllocationMode.MAY_COMPACT, ran);

        assertThat(handle).isNotEqualTo(Handles.NONE);
        assertThat(ran.count()).isEqualTo(1);
        assertThat(ran.get(0).direct()).isTrue();
        assertThat(ran.get(0).kind()).isEqualTo(CompactionResult.Kind.EVACUATE);
        assertThat(ran.get(0).bytesMoved()).isPositive();
        assertThat(heap.stats().directCompactions()).isEqualTo(1);
    }

    @Test
    void aRequestServedWithoutCompactionOrAnAtomicOneHandsBackNothing() {
        CompactingHeap heap = checkerboard();
        DirectCompactions ran = new DirectCompactions();

        assertThat(heap.tryAllocate(256, AllocationMode.MAY_COMPACT, ran)).isNotEqualTo(Handles.NONE);
        assertThat(heap.tryAllocate(512, AllocationMode.ATOMIC, ran)).isEqualTo(Handles.NONE);

        assertThat(ran.count()).isZero();
        assertThatThrownBy(() -> ran.get(0)).hasMessageContaining("index=0").hasMessageContaining("count=0");
    }
}
