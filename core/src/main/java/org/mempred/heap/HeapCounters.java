package org.mempred.heap;

/**
 * Event counters of a heap: one set per sub-arena (guarded by its lock) and one heap-wide set for
 * OOM events and compactions (guarded by every lock), summed by {@link #add} for a snapshot.
 */
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

    /** Adds {@code other}'s counts to these. */
    void add(HeapCounters other) {
        allocations += other.allocations;
        frees += other.frees;
        allocatedBytes += other.allocatedBytes;
        freedBytes += other.freedBytes;
        oomFragmentation += other.oomFragmentation;
        oomExhaustion += other.oomExhaustion;
        compactions += other.compactions;
        directCompactions += other.directCompactions;
        bytesMoved += other.bytesMoved;
        requests += other.requests;
        requestedBytes += other.requestedBytes;
        requestedSquares += other.requestedSquares;
        for (int i = 0; i < requestClasses.length; i++) {
            requestClasses[i] += other.requestClasses[i];
        }
        for (int c = 0; c < SizeClasses.COUNT; c++) {
            classRequested[c] += other.classRequested[c];
            classFailed[c] += other.classFailed[c];
        }
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
