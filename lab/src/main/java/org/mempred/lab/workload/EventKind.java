package org.mempred.lab.workload;

/** What one workload event asks of the heap. */
public enum EventKind {
    /** Allocate {@code sizeBytes} for {@code id} (atomic or may compact). */
    ALLOCATE,
    /** Free the block of {@code id}. */
    FREE,
    /** Pin the block of {@code id} (it must not move until unpinned). */
    PIN,
    /** Drop the pin of {@code id}. */
    UNPIN
}
