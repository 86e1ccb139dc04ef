package org.mempred.heap;

/**
 * Sliding compaction: one pass from low to high addresses that moves every movable used block
 * down to the end of the blocks placed before it, in address order (a "sliding" or Lisp-2 style
 * compactor without the mark phase; Jones, Hosking, Moss: "The Garbage Collection Handbook",
 * ch. 3).
 *
 * <pre>
 *  before:  [A][ free ][B][P][free][C][ free  ]      P pinned
 *  after:   [A][B][fr ][P][C][     free       ]
 *            ^cursor slides B down; P stays and closes the gap before it into one free block
 * </pre>
 *
 * <p>A block stays where it is when it is pinned, or when moving it would exceed the byte budget;
 * the gap in front of a staying block becomes one free block. Blocks only ever move towards lower
 * addresses and the destination range is free, so {@link System#arraycopy} (memmove semantics)
 * preserves every byte. Metadata is rewritten in place: each step writes only at granules at or
 * below the block being visited and reads only above it. The walk stops early once the remaining
 * budget cannot move even one granule, leaving the rest of the arena and its free lists untouched,
 * so a small budgeted compaction costs time in proportion to the prefix it visits, not to the heap.
 * Cost: O(blocks visited) plus the bytes copied.
 */
final class Compactor {
    private final byte[] arena;
    private final int base;
    private final BlockTable blocks;
    private final Tlsf tlsf;
    private final HandleTable handles;
    private final LiveSummary summary;
    private long bytesMoved;
    private int blocksMoved;

    /** A compactor of the sub-arena whose local granule 0 is global granule {@code base}. */
    Compactor(byte[] arena, int base, BlockTable blocks, Tlsf tlsf, HandleTable handles, LiveSummary summary) {
        this.arena = arena;
        this.base = base;
        this.blocks = blocks;
        this.tlsf = tlsf;
        this.handles = handles;
        this.summary = summary;
    }

    /**
     * Compacts with at most {@code maxBytesMoved} bytes copied; {@link #bytesMoved()} and
     * {@link #blocksMoved()} then tell what this run did.
     */
    void compact(long maxBytesMoved) {
        compactRange(0, blocks.granules, maxBytesMoved);
    }

    /**
     * Slides the blocks that start in {@code [from, end)} towards {@code from}, a block start, with
     * at most {@code maxBytesMoved} copied: the free space of the range gathers into one block at
     * its top, merged with a free block right after it (a bounded slide of one region, the
     * reserve's {@link RefillStep#RANGE}). Blocks outside the range are not touched. Cost:
     * O(blocks in the range) plus the bytes copied.
     */
    void compactRange(int from, int end, long maxBytesMoved) {
        long remaining = maxBytesMoved;
        int cursor = from;
        int lastPlaced = from == 0 ? BlockTable.NIL : blocks.prev(from);
        int g = from;
        bytesMoved = 0;
        blocksMoved = 0;
        while (g < end && remaining >= Granules.BYTES) {
            int size = blocks.size(g);
            int owner = blocks.owner(g);
            int next = g + size;
            blocks.clearStart(g);
            if (owner == BlockTable.FREE) {
                tlsf.remove(g);
            } else {
                long bytes = (long) size << Granules.SHIFT;
                if (cursor < g && !handles.isPinned(owner) && bytes <= remaining) {
                    System.arraycopy(
                            arena, (base + g) << Granules.SHIFT, arena, (base + cursor) << Granules.SHIFT, (int) bytes);
                    summary.addLive(g, size, -1);
                    summary.addLive(cursor, size, 1);
                    remaining -= bytes;
                    bytesMoved += bytes;
                    blocksMoved++;
                    placeUsed(cursor, size, owner, lastPlaced);
                    lastPlaced = cursor;
                    cursor += size;
                } else {
                    if (cursor < g) {
                        placeFree(cursor, g - cursor, lastPlaced);
                        lastPlaced = cursor;
                    }
                    blocks.setPrev(g, lastPlaced);
                    blocks.markStart(g);
                    lastPlaced = g;
                    cursor = next;
                }
            }
            g = next;
        }
        finish(cursor, g, lastPlaced);
    }

    long bytesMoved() {
        return bytesMoved;
    }

    int blocksMoved() {
        return blocksMoved;
    }

    /** Closes the walk at {@code g}, the first block not visited: the gap before it becomes free. */
    private void finish(int cursor, int g, int lastPlaced) {
        if (g == blocks.granules) {
            if (cursor < g) {
                placeFree(cursor, g - cursor, lastPlaced);
            }
            return;
        }
        if (cursor == g) {
            blocks.setPrev(g, lastPlaced);
            return;
        }
        int gapEnd = g;
        if (blocks.isFree(g)) {
            tlsf.remove(g);
            gapEnd = blocks.next(g);
            blocks.clearStart(g);
        }
        placeFree(cursor, gapEnd - cursor, lastPlaced);
        blocks.linkPrev(gapEnd, cursor);
    }

    private void placeUsed(int start, int size, int owner, int prevStart) {
        blocks.markStart(start);
        blocks.setSize(start, size);
        blocks.setOwner(start, owner);
        blocks.setPrev(start, prevStart);
        handles.move(owner, base + start);
    }

    private void placeFree(int start, int size, int prevStart) {
        blocks.markStart(start);
        blocks.setSize(start, size);
        blocks.setOwner(start, BlockTable.FREE);
        blocks.setPrev(start, prevStart);
        tlsf.insert(start);
    }
}
