package org.mempred.heap;

/** Receives the blocks of {@link CompactingHeap#forEachBlock} in address order. */
@FunctionalInterface
public interface BlockVisitor {
    /** One block: its offset and size in bytes, whether it is free, whether it is pinned. */
    void visit(int offsetBytes, int sizeBytes, boolean free, boolean pinned);
}
