package org.mempred.heap;

/**
 * What one compaction did.
 *
 * @param direct true when run inside an allocation request (reactive), false when asked for
 * @param budgetBytes the byte budget it ran with ({@link Long#MAX_VALUE} for a full compaction)
 * @param bytesMoved bytes copied (whole granules of every moved block)
 * @param blocksMoved blocks that changed address
 * @param freeBlocksBefore free-block count before
 * @param freeBlocksAfter free-block count after
 * @param largestFreeBefore largest free block before, in bytes
 * @param largestFreeAfter largest free block after, in bytes
 * @param wallNanos wall-clock time taken, measured with {@link System#nanoTime()}
 */
public record CompactionResult(
        boolean direct,
        long budgetBytes,
        long bytesMoved,
        int blocksMoved,
        int freeBlocksBefore,
        int freeBlocksAfter,
        int largestFreeBefore,
        int largestFreeAfter,
        long wallNanos) {}
