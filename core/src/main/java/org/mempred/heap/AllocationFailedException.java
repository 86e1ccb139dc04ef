package org.mempred.heap;

/** Thrown by {@link CompactingHeap#allocate} when a request fails (one OOM event). */
public final class AllocationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int sizeBytes;
    private final OomKind kind;

    AllocationFailedException(int sizeBytes, AllocationMode mode, OomKind kind, int freeBytes, int largestFreeBytes) {
        super("allocation of size=" + sizeBytes + " (" + mode + ") failed by " + kind + ": freeBytes=" + freeBytes
                + " largestFreeBytes=" + largestFreeBytes);
        this.sizeBytes = sizeBytes;
        this.kind = kind;
    }

    /** The requested size in bytes. */
    public int sizeBytes() {
        return sizeBytes;
    }

    /** Why it failed. */
    public OomKind kind() {
        return kind;
    }
}
