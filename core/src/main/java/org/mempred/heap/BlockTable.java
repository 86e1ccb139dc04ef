package org.mempred.heap;

/**
 * Out-of-band metadata of the arena's blocks, one record per granule, read only at a block's
 * first granule. The five fields of a record are interleaved in one {@code int[]} so that a block's
 * metadata shares a cache line (two at most) instead of touching five arrays: on large arenas
 * every allocate and free is bound by cache misses on its own block and its neighbours.
 *
 * <pre>
 *  meta[g * 5 + 0] SIZE       block size in granules
 *  meta[g * 5 + 1] PREV       first granule of the physical predecessor, NIL for the first block
 *  meta[g * 5 + 2] OWNER      handle slot of a used block, FREE for a free one
 *  meta[g * 5 + 3] NEXT_FREE  TLSF list links of a free block
 *  meta[g * 5 + 4] PREV_FREE
 *
 *  arena:   | block A (used) | block B (free)      | block C (used) | ...
 *  granule:  0               3                     9
 *  record 0: size=3 prev=NIL owner=slotA   record 3: size=6 prev=0 owner=FREE links   record 9: size=.. prev=3
 * </pre>
 *
 * <p>Blocks tile the arena exactly: the block after {@code g} starts at {@code g + size(g)}, and
 * PREV links each block to its predecessor, which makes coalescing with both neighbours O(1).
 * Records at granules that are not block starts are stale and never read. Keeping metadata out of
 * the arena means every arena byte is payload, so used bytes and pressure are exact; the cost is
 * 20 bytes of metadata per 16-byte granule.
 *
 * <p>A bitmap beside the records has bit {@code g} set exactly when a block starts at granule
 * {@code g} (1 bit per granule), so that {@link #blockContaining} finds the block around any
 * granule without walking from the arena's start: evacuation uses it to enter a window picked
 * from the live-bytes summary. Whoever creates or removes a block start (TLSF split and coalesce,
 * the compactors) keeps the bitmap in step with {@link #markStart} and {@link #clearStart}.
 */
final class BlockTable {
    static final int FREE = -1;
    static final int NIL = -1;

    private static final int STRIDE = 5;
    private static final int SIZE = 0;
    private static final int PREV = 1;
    private static final int OWNER = 2;
    private static final int NEXT_FREE = 3;
    private static final int PREV_FREE = 4;

    final int granules;
    private final int[] meta;
    private final long[] starts;

    BlockTable(int granules) {
        this.granules = granules;
        this.meta = new int[granules * STRIDE];
        this.starts = new long[(granules + 63) >>> 6];
        setSize(0, granules);
        setPrev(0, NIL);
        setOwner(0, FREE);
        markStart(0);
    }

    void markStart(int g) {
        starts[g >>> 6] |= 1L << g;
    }

    void clearStart(int g) {
        starts[g >>> 6] &= ~(1L << g);
    }

    boolean isStart(int g) {
        return (starts[g >>> 6] & (1L << g)) != 0;
    }

    /** Clears the start bits of every granule in {@code [from, to)}. */
    void clearStarts(int from, int to) {
        for (int g = from; g < to; ) {
            if ((g & 63) == 0 && to - g >= 64) {
                starts[g >>> 6] = 0;
                g += 64;
            } else {
                clearStart(g);
                g++;
            }
        }
    }

    /**
     * First granule of the block that holds granule {@code g}: the highest start bit at or below
     * it. Cost O(1 + distance / 64).
     */
    int blockContaining(int g) {
        int word = g >>> 6;
        long bits = starts[word] & (-1L >>> (63 - (g & 63)));
        while (bits == 0) {
            bits = starts[--word];
        }
        return (word << 6) + 63 - Long.numberOfLeadingZeros(bits);
    }

    int size(int g) {
        return meta[g * STRIDE + SIZE];
    }

    void setSize(int g, int size) {
        meta[g * STRIDE + SIZE] = size;
    }

    int prev(int g) {
        return meta[g * STRIDE + PREV];
    }

    void setPrev(int g, int prevStart) {
        meta[g * STRIDE + PREV] = prevStart;
    }

    int owner(int g) {
        return meta[g * STRIDE + OWNER];
    }

    void setOwner(int g, int slot) {
        meta[g * STRIDE + OWNER] = slot;
    }

    int nextFree(int g) {
        return meta[g * STRIDE + NEXT_FREE];
    }

    void setNextFree(int g, int next) {
        meta[g * STRIDE + NEXT_FREE] = next;
    }

    int prevFree(int g) {
        return meta[g * STRIDE + PREV_FREE];
    }

    void setPrevFree(int g, int prev) {
        meta[g * STRIDE + PREV_FREE] = prev;
    }

    /** Start of the block after {@code start}, or {@link #granules} at the end of the arena. */
    int next(int start) {
        return start + size(start);
    }

    boolean isFree(int start) {
        return owner(start) == FREE;
    }

    /** Sets the predecessor link of the block starting at {@code start}, if there is one. */
    void linkPrev(int start, int prevStart) {
        if (start < granules) {
            setPrev(start, prevStart);
        }
    }
}
