package org.mempred.heap;

import java.util.Arrays;

/**
 * Out-of-band metadata of the arena's blocks, indexed by a block's first granule.
 *
 * <pre>
 *  arena:   | block A (used) | block B (free)      | block C (used, pinned) | ...
 *  granule:  0               3                     9                        12
 *
 *  size[0]=3  owner[0]=slotA  prev[0]=-1
 *  size[3]=6  owner[3]=FREE   prev[3]=0   nextFree[3], prevFree[3] = TLSF list links
 *  size[9]=3  owner[9]=slotC  prev[9]=3
 * </pre>
 *
 * <p>Blocks tile the arena exactly: the block after {@code g} starts at {@code g + size[g]}, and
 * {@code prev} links each block to its physical predecessor, which makes coalescing with both
 * neighbours O(1). Entries at granules that are not block starts are stale and never read.
 * Keeping metadata out of the arena means every arena byte is payload, so used bytes and pressure
 * are exact; the cost is 20 bytes of metadata per 16-byte granule.
 */
final class BlockTable {
    static final int FREE = -1;
    static final int NIL = -1;

    final int granules;
    final int[] size;
    final int[] prev;
    final int[] owner;
    final int[] nextFree;
    final int[] prevFree;

    BlockTable(int granules) {
        this.granules = granules;
        this.size = new int[granules];
        this.prev = new int[granules];
        this.owner = new int[granules];
        this.nextFree = new int[granules];
        this.prevFree = new int[granules];
        Arrays.fill(owner, FREE);
        size[0] = granules;
        prev[0] = NIL;
    }

    /** Start of the block after {@code start}, or {@link #granules} at the end of the arena. */
    int next(int start) {
        return start + size[start];
    }

    boolean isFree(int start) {
        return owner[start] == FREE;
    }

    /** Sets the predecessor link of the block starting at {@code start}, if there is one. */
    void linkPrev(int start, int prevStart) {
        if (start < granules) {
            prev[start] = prevStart;
        }
    }
}
