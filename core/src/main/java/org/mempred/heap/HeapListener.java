package org.mempred.heap;

/**
 * Observer of heap events that a caller cannot see from return values alone: the direct
 * compaction run inside an allocation request, the OOM event of a failed request, and the reserve
 * wake-up.
 *
 * <p>Called on the thread that caused the event while the heap's lock is held: keep it short
 * and do not block. Calling back into the same heap from that thread is allowed.
 */
public interface HeapListener {
    /** A listener that ignores everything. */
    HeapListener NONE = new HeapListener() {};

    /** A compaction finished (direct or explicit). */
    default void onCompaction(CompactionResult result) {}

    /** An allocation request of {@code sizeBytes} failed for the given reason. */
    default void onAllocationFailure(int sizeBytes, AllocationMode mode, OomKind kind) {}

    /**
     * An allocation left the largest free block ({@code largestFreeBytes}) below the reserve
     * target while enough bytes are free to make it (see {@link CompactingHeap#setReserve}).
     */
    default void onReserveWakeup(int reserveTargetBytes, int largestFreeBytes) {}
}
