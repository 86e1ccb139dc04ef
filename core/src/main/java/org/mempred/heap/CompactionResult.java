package org.mempred.heap;

/**
 * What one compaction did.
 *
 * @param kind sliding (towards address 0) or evacuation (of one window, for a target size)
 * @param direct true when run inside an allocation request (reactive), false when asked for
 * @param targetBytes the free block an evacuation aimed at, in bytes; 0 for a slide
 * @param budgetBytes the byte budget it ran with ({@link Long#MAX_VALUE} for a full compaction)
 * @param succeeded for an evacuation, whether a free block of at least {@code targetBytes} exists
 *     afterwards; always true for a slide, which has no target
 * @param bytesMoved bytes copied (whole granules of every moved block)
 * @param blocksMoved blocks that changed address
 * @param freeBlocksBefore free-block count before
 * @param freeBlocksAfter free-block count after
 * @param largestFreeBefore largest free block before, in bytes
 * @param largestFreeAfter largest free block after, in bytes
 * @param wallNanos wall-clock time taken, measured with {@link System#nanoTime()}
 */
public record CompactionResult(
        Kind kind,
        boolean direct,
        int targetBytes,
        long budgetBytes,
        boolean succeeded,
        long bytesMoved,
        int blocksMoved,
        int freeBlocksBefore,
        int freeBlocksAfter,
        int largestFreeBefore,
        int largestFreeAfter,
        long wallNanos) {

    /** The two forms of compaction. */
    public enum Kind {
        /** Sliding compaction ({@link CompactingHeap#compact(long)}). */
        SLIDE,
        /** Evacuation of one window ({@link CompactingHeap#compactFor}). */
        EVACUATE
    }
}
