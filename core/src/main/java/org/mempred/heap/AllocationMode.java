package org.mempred.heap;

/**
 * Whether an allocation request may wait for direct compaction (the design's allocation
 * semantics, after the kernel's {@code GFP_ATOMIC} versus {@code GFP_KERNEL}).
 */
public enum AllocationMode {
    /** Interrupt-context request: never compacts, fails at once when no free block fits. */
    ATOMIC,
    /** May run budgeted direct compaction in the allocation path before failing. */
    MAY_COMPACT
}
