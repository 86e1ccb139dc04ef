package org.mempred.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mempred.lifetime.LifetimeClass;
import org.mempred.lifetime.OracleLifetimePredictor;
import org.mempred.lifetime.SiteTable;

class LifetimePlacementTest {
    private static final long MS = 1_000_000L;

    @Test
    void longLivedBlocksGoHighAndShortLivedLowInOneArena() {
        CompactingHeap heap = new CompactingHeap(64 * 1024);
        heap.setPlacement(new OracleLifetimePredictor());
        AllocationRequest request = new AllocationRequest();
        Allocation shortLived =
                heap.allocate(request.of(256, AllocationMode.MAY_COMPACT).trueLifetime(MS));
        assertThat(shortLived.lifetimeClass()).isZero();
        long low = shortLived.handle();
        long high = heap.allocate(request.of(256, AllocationMode.MAY_COMPACT).trueLifetime(60_000 * MS))
                .handle();
        assertThat(addressOf(heap, high)).isEqualTo(64 * 1024 - 256);
        assertThat(addressOf(heap, low)).isZero();
        heap.invariants();
    }

    @Test
    void freesTeachThePredictorAndFillTheConfusionCounts() {
        CompactingHeap heap = new CompactingHeap(64 * 1024);
        heap.setPlacement(new SiteTable());
        AllocationRequest request = new AllocationRequest();
        for (int i = 0; i < 40; i++) {
            long h = heap.allocate(
                            request.of(64, AllocationMode.MAY_COMPACT).site(7).at(i * 1000 * MS))
                    .handle();
            heap.free(h, i * 1000 * MS + 5 * MS); // lives 5 ms: class 0
        }
        PlacementStats stats = heap.placementStats().orElseThrow();
        assertThat(stats.frees()).isEqualTo(40);
        assertThat(stats.observed(0)).isEqualTo(40);
        Allocation next =
                heap.allocate(request.of(64, AllocationMode.MAY_COMPACT).site(7).at(50_000 * MS));
        assertThat(next.lifetimeClass()).isZero();
        Allocation unknownSite =
                heap.allocate(request.of(64, AllocationMode.MAY_COMPACT).site(8).at(50_000 * MS));
        assertThat(unknownSite.lifetimeClass())
                .as("an unseen site takes the base rate")
                .isZero();
        assertThat(stats.recall(0)).isGreaterThan(0.9);
    }

    @Test
    void placementIsChosenOnAnEmptyHeapAndPlainTlsfHasNoStats() {
        CompactingHeap heap = new CompactingHeap(4096);
        assertThat(heap.placementStats()).isEmpty();
        long h = heap.allocate(64, AllocationMode.MAY_COMPACT);
        assertThatThrownBy(() -> heap.setPlacement(new SiteTable()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds 1 blocks");
        heap.free(h);
        heap.setPlacement(new SiteTable());
        assertThat(heap.placementStats()).isPresent();
        assertThat(LifetimeClass.of(10 * MS - 1)).isZero();
    }

    private static int addressOf(CompactingHeap heap, long handle) {
        return heap.address(handle, 0, 0);
    }
}
