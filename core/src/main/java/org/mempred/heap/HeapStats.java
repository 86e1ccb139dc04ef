package org.mempred.heap;

/**
 * A consistent snapshot of a {@link CompactingHeap}'s accounting and counters, taken under the
 * heap's lock.
 *
 * <p>Sizes are bytes of blocks rounded up to the 16-byte granule. Counters are totals since the
 * heap was created and only grow.
 *
 * @param capacityBytes arena size
 * @param usedBytes bytes held by live blocks
 * @param freeBytes {@code capacityBytes - usedBytes}
 * @param largestFreeBytes size of the largest free block (0 when the heap is full)
 * @param freeBlocks number of free blocks (after coalescing)
 * @param liveBlocks number of live (allocated) blocks
 * @param pinnedBlocks number of live blocks with a pin count above zero
 * @param allocations successful allocations
 * @param frees frees
 * @param allocatedBytes bytes handed out by successful allocations (rounded)
 * @param freedBytes bytes returned by frees (rounded)
 * @param oomEvents failed allocation requests, {@code oomFragmentation + oomExhaustion}
 * @param oomFragmentation failures while total free space would have held the request
 * @param oomExhaustion failures while total free space was smaller than the request
 * @param compactions compactions of any kind (direct or explicit)
 * @param directCompactions compactions run inside an allocation request
 * @param bytesMoved bytes copied by all compactions
 * @param requestSizes sizes of every allocation request so far, served or failed
 * @param classes per size class: bytes requested and failed so far, contiguous capacity now
 */
public record HeapStats(
        int capacityBytes,
        int usedBytes,
        int freeBytes,
        int largestFreeBytes,
        int freeBlocks,
        int liveBlocks,
        int pinnedBlocks,
        long allocations,
        long frees,
        long allocatedBytes,
        long freedBytes,
        long oomEvents,
        long oomFragmentation,
        long oomExhaustion,
        long compactions,
        long directCompactions,
        long bytesMoved,
        RequestSizes requestSizes,
        ClassFigures classes) {

    /** Used bytes over capacity, in [0, 1]. */
    public double pressure() {
        return (double) usedBytes / capacityBytes;
    }

    /** {@code 1 - largestFree/free}, 0 when nothing is free. */
    public double fragmentation() {
        return Granules.fragmentation(largestFreeBytes, freeBytes);
    }

    /**
     * Linux's fragmentation index ({@code mm/vmstat.c: __fragmentation_index}) for a request of
     * {@code sizeBytes}, in granules instead of pages and scaled to [0, 1] instead of [0, 1000]:
     * {@code -1} when a free block already fits the request; 0 when nothing is free; otherwise
     * {@code 1 - (1 + free/requested) / freeBlocks}. Towards 0 a failure would be for lack of
     * memory, towards 1 for fragmentation.
     *
     * @throws IllegalArgumentException when {@code sizeBytes} is not in {@code [1, capacityBytes]}
     */
    public double fragmentationIndex(int sizeBytes) {
        if (sizeBytes <= 0 || sizeBytes > capacityBytes) {
            throw new IllegalArgumentException(
                    "size=" + sizeBytes + " must be in [1, capacityBytes=" + capacityBytes + "]");
        }
        int requested = Granules.of(sizeBytes);
        if (freeBlocks == 0) {
            return 0.0;
        }
        if (largestFreeBytes / Granules.BYTES >= requested) {
            return -1.0;
        }
        double freeGranules = freeBytes / (double) Granules.BYTES;
        return 1.0 - (1.0 + freeGranules / requested) / freeBlocks;
    }
}
