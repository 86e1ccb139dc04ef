package org.mempred.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How {@link ArenaLayout#even} cuts an arena, and how a heap of several sub-arenas names them in its handles. */
class ArenaLayoutTest {
    @Test
    void evenCutsEqualSubArenasAndGivesTheLastWhatDoesNotDivide() {
        ArenaLayout layout = ArenaLayout.even(16 * 10, 3);
        assertThat(layout).isEqualTo(ArenaLayout.of(48, 48, 64));
        assertThat(layout.capacityBytes()).isEqualTo(160);
        assertThat(ArenaLayout.even(4096, 1)).isEqualTo(ArenaLayout.single(4096));
    }

    @Test
    void evenRejectsCountsNoArenaCanHoldWithTheValuesInTheMessage() {
        assertThatThrownBy(() -> ArenaLayout.even(160, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count=0");
        assertThatThrownBy(() -> ArenaLayout.even(160, 11))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count=11")
                .hasMessageContaining("[1, 10]");
        assertThatThrownBy(() -> ArenaLayout.even(100, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacityBytes=100");
    }

    @Test
    void handlesOfEachSubArenaAreItsOwnAndForeignSlotsAreNeverIssued() {
        CompactingHeap heap = CompactingHeap.builder(ArenaLayout.even(4096, 2)).build();
        long first = heap.allocate(2000, AllocationMode.ATOMIC);
        long second = heap.allocate(2000, AllocationMode.ATOMIC); // sub-arena 0 is full: sub-arena 1 serves
        assertThat(Handles.slot(first)).isZero();
        assertThat(Handles.slot(second)).isEqualTo(2048 / Granules.BYTES);
        assertThat(heap.isLive(Handles.of(4096 / Granules.BYTES, 1))).isFalse();
        assertThatThrownBy(() -> heap.free(Handles.of(4096 / Granules.BYTES, 1)))
                .isInstanceOf(InvalidHandleException.class)
                .hasMessageContaining("never issued");
        heap.free(second);
        heap.free(first);
        heap.invariants();
        assertThat(heap.stats().liveBlocks()).isZero();
    }
}
