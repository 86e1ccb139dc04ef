package org.mempred.heap;

/** The heap's event counters; guarded by the heap's lock. */
final class HeapCounters {
    private long allocations;
    private long frees;
    private long allocatedBytes;
    private long freedBytes;
    private long oomFragmentation;
    private long oomExhaustion;
    private long compactions;
    private long directCompactions;
    private long bytesMoved;
    private long requests;
    private long requestedBytes;
    private double requestedSquares;
    private final long[] requestClasses = new long[RequestSizes.CLASSES];

    void recordRequest(int sizeBytes) {
        requests++;
        requestedBytes += sizeBytes;
        requestedSquares += (double) sizeBytes * sizeBytes;
        requestClasses[RequestSizes.classOf(sizeBytes)]++;
    }

    void recordAllocation(int bytes) {
        allocations++;
        allocatedBytes += bytes;
    }

    void recordFree(int bytes) {
        frees++;
        freedBytes += bytes;
    }

    void recordOom(OomKind kind) {
        if (kind == OomKind.FRAGMENTATION) {
            oomFragmentation++;
        } else {
            oomExhaustion++;
        }
    }

    void recordCompaction(boolean direct, long moved) {
        compactions++;
        if (direct) {
            directCompactions++;
        }
        bytesMoved += moved;
    }

    HeapStats snapshot(int capacity, int free, int largestFree, int freeBlocks, int liveBlocks, int pinnedBlocks) {
        return new HeapStats(
                capacity,
                capacity - free,
                free,
                largestFree,
                freeBlocks,
                liveBlocks,
                pinnedBlocks,
                allocations,
                frees,
                allocatedBytes,
                freedBytes,
                oomFragmentation + oomExhaustion,
                oomFragmentation,
                oomExhaustion,
                compactions,
                directCompactions,
                bytesMoved,
                RequestSizes.copyOf(requests, requestedBytes, requestedSquares, requestClasses));
    }
}
