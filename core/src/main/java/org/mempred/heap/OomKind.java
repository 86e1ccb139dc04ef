package org.mempred.heap;

/** Why an allocation request failed (an OOM event). */
public enum OomKind {
    /** Total free space would hold the request, but no single free block does: compaction could help. */
    FRAGMENTATION,
    /** Total free space is smaller than the request: no compaction can help. */
    EXHAUSTION
}
