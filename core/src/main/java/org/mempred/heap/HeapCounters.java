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
    private final long[] classRequested = new long[SizeClasses.COUNT];
    private final long[] classFailed = new long[SizeClasses.COUNT];

    void recordRequest(int sizeBytes) {
        requests++;
        requestedBytes += sizeBytes;
        requestedSquares += (double) sizeBytes * sizeBytes;
        requestClasses[RequestSizes.classOf(sizeBytes)]++;
        int c = SizeClasses.of(sizeBytes);
        if (c != SizeClasses.NONE) {
            classRequested[c] += sizeBytes;
        }
    }

    void recordAllocation(int bytes) {
        allocations++;
        allocatedBytes += bytes;
    }

    void recordFree(int bytes) {
        frees++;
        freedBytes += bytes;
    }

    void recordOom(OomKind kind, int sizeBytes) {
        if (kind == OomKind.FRAGMENTATION) {
            oomFragmentation++;
            int c = SizeClasses.of(sizeBytes);
            if (c != SizeClasses.NONE) {
                classFailed[c] += sizeBytes;
            }
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

    HeapStats snapshot(
            int capacity,
            int free,
            int largestFree,
            int freeBlocks,
            int liveBlocks,
            int pinnedBlocks,
            long[] contiguousByClass) {
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
                RequestSizes.copyOf(requests, requestedBytes, requestedSquares, requestClasses),
                new ClassFigures(classRequested.clone(), classFailed.clone(), contiguousByClass));
    }
}
