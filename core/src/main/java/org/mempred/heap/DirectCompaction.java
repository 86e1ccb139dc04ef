package org.mempred.heap;

/** The form of the direct compaction a {@link AllocationMode#MAY_COMPACT} request runs when TLSF finds nothing. */
public enum DirectCompaction {
    /**
     * Evacuate the cheapest window of the request's size ({@link CompactingHeap#compactFor}), or
     * slide with the rest of the budget when no window can be emptied within it: the default.
     */
    EVACUATE,
    /** Slide blocks down from address 0 within the budget ({@link CompactingHeap#compact(long)}): the sliding baseline. */
    SLIDE
}
