package org.mempred.heap;

import java.util.Arrays;

/**
 * Evacuation: makes one free block of at least a target size by emptying the cheapest pin-free
 * window of the arena and re-placing its live blocks in free space outside it (the "migrate"
 * half of Linux's {@code mm/compaction.c}, aimed at one window instead of a whole zone; the
 * window choice follows the least-live-first victim choice of region-based collectors such as G1).
 *
 * <pre>
 *  before:  [A][f][B][ free ][C][f][D]...[  free  ]     target = 8 granules, window = [B .. C]
 *  after:   [A][      free (>= target)   ][D]...[B][C][fr]
 *                 B and C went to the best-fitting free blocks outside the window
 * </pre>
 *
 * <p><b>Steps.</b> (1) {@link LiveSummary#cheapestWindow} names a run of 1 KiB chunks; (2) an exact
 * two-pointer walk over the blocks around that run finds the window of consecutive blocks that
 * spans at least the target, holds no pinned block, and has the fewest live granules; (3) if its
 * live bytes fit the budget and the free space outside it, its free blocks are taken off the TLSF
 * lists (so nothing lands inside the window), its used blocks are re-placed largest first, each by
 * TLSF's good fit, and copied with {@link System#arraycopy}; (4) the emptied blocks are merged into
 * free blocks and returned to TLSF, coalescing with free neighbours. If a block finds no room in
 * step 3, evacuation stops there: what moved stays moved, the rest stays put, the heap is
 * consistent and the result says it failed.
 *
 * <p><b>Invariants.</b> Source and destination never overlap (the destination is outside the
 * window), so every byte is preserved; pinned blocks are never in a window; the bytes moved never
 * exceed the budget, which is checked before anything moves. Cost: the summary search, plus
 * O(blocks around the chosen run), plus the bytes copied; the scratch arrays grow to the most
 * blocks a window held and are reused, so a warm evacuator allocates nothing.
 */
final class Evacuator {
    /** Owner mark of a window block that is emptied (moved out, or a free block taken off TLSF). */
    private static final int VACATED = -2;

    private final byte[] arena;
    private final BlockTable blocks;
    private final Tlsf tlsf;
    private final HandleTable handles;
    private final LiveSummary summary;
    private int[] movers = new int[16];
    private long bytesMoved;
    private int blocksMoved;
    private int windowStart;
    private int windowEnd;
    private int windowLive;

    Evacuator(byte[] arena, BlockTable blocks, Tlsf tlsf, HandleTable handles, LiveSummary summary) {
        this.arena = arena;
        this.blocks = blocks;
        this.tlsf = tlsf;
        this.handles = handles;
        this.summary = summary;
    }

    /**
     * Makes a free block of at least {@code targetGranules}, moving at most {@code maxBytesMoved};
     * true when such a block exists afterwards. {@link #bytesMoved()} and {@link #blocksMoved()}
     * then tell what this call did.
     */
    boolean evacuate(int targetGranules, long maxBytesMoved) {
        bytesMoved = 0;
        blocksMoved = 0;
        if (tlsf.largestFreeGranules() >= targetGranules) {
            return true;
        }
        if (tlsf.freeGranules() < targetGranules || !findWindow(targetGranules)) {
            return false;
        }
        long liveBytes = (long) windowLive << CompactingHeap.GRANULE_SHIFT;
        int freeOutside = tlsf.freeGranules() - (windowEnd - windowStart - windowLive);
        if (liveBytes > maxBytesMoved || freeOutside < windowLive) {
            return false;
        }
        int count = detachWindow();
        boolean placedAll = moveOut(count);
        rebuildWindow();
        return placedAll && tlsf.largestFreeGranules() >= targetGranules;
    }

    long bytesMoved() {
        return bytesMoved;
    }

    int blocksMoved() {
        return blocksMoved;
    }

    /** Sets windowStart/End/Live to the cheapest pin-free window of at least {@code target}. */
    private boolean findWindow(int target) {
        int chunk = summary.cheapestWindow(target);
        if (chunk < 0) {
            return false;
        }
        int chunkGranules = 1 << LiveSummary.CHUNK_SHIFT;
        int from = Math.max(0, (chunk - 1) * chunkGranules);
        int to = Math.min(blocks.granules, (chunk + 1) * chunkGranules + target);
        long bestLive = Long.MAX_VALUE;
        int i = blocks.blockContaining(from);
        int j = i;
        int live = 0;
        int pinned = 0;
        while (i < to) {
            while (j - i < target && j < blocks.granules) {
                int owner = blocks.owner(j);
                if (owner != BlockTable.FREE) {
                    live += blocks.size(j);
                    pinned += handles.isPinned(owner) ? 1 : 0;
                }
                j = blocks.next(j);
            }
            if (j - i < target) {
                break;
            }
            if (pinned == 0 && live < bestLive) {
                bestLive = live;
                windowStart = i;
                windowEnd = j;
                windowLive = live;
            }
            int owner = blocks.owner(i);
            if (owner != BlockTable.FREE) {
                live -= blocks.size(i);
                pinned -= handles.isPinned(owner) ? 1 : 0;
            }
            i = blocks.next(i);
        }
        return bestLive != Long.MAX_VALUE;
    }

    /** Takes the window's free blocks off TLSF, marks every block VACATED-to-be; returns movers. */
    private int detachWindow() {
        int count = 0;
        for (int g = windowStart; g < windowEnd; g = blocks.next(g)) {
            if (blocks.isFree(g)) {
                tlsf.remove(g);
                blocks.setOwner(g, VACATED);
            } else {
                if (count == movers.length) {
                    movers = Arrays.copyOf(movers, count * 2);
                }
                movers[count++] = g;
            }
        }
        sortBySizeDescending(count);
        return count;
    }

    private void sortBySizeDescending(int count) {
        for (int a = 1; a < count; a++) {
            int block = movers[a];
            int size = blocks.size(block);
            int b = a - 1;
            while (b >= 0 && blocks.size(movers[b]) < size) {
                movers[b + 1] = movers[b];
                b--;
            }
            movers[b + 1] = block;
        }
    }

    /** Re-places the movers outside the window, largest first; false when one found no room. */
    private boolean moveOut(int count) {
        for (int k = 0; k < count; k++) {
            int from = movers[k];
            int size = blocks.size(from);
            int to = tlsf.allocate(size);
            if (to == BlockTable.NIL) {
                return false;
            }
            int owner = blocks.owner(from);
            System.arraycopy(
                    arena,
                    from << CompactingHeap.GRANULE_SHIFT,
                    arena,
                    to << CompactingHeap.GRANULE_SHIFT,
                    size << CompactingHeap.GRANULE_SHIFT);
            blocks.setOwner(to, owner);
            blocks.setOwner(from, VACATED);
            handles.move(owner, to);
            summary.addLive(from, size, -1);
            summary.addLive(to, size, 1);
            bytesMoved += (long) size << CompactingHeap.GRANULE_SHIFT;
            blocksMoved++;
        }
        return true;
    }

    /** Merges each run of VACATED blocks in the window into one free block and frees it to TLSF. */
    private void rebuildWindow() {
        int g = windowStart;
        while (g < windowEnd) {
            if (blocks.owner(g) != VACATED) {
                g = blocks.next(g);
                continue;
            }
            int runStart = g;
            int runEnd = blocks.next(g);
            while (runEnd < windowEnd && blocks.owner(runEnd) == VACATED) {
                runEnd = blocks.next(runEnd);
            }
            blocks.clearStarts(runStart + 1, runEnd);
            blocks.setSize(runStart, runEnd - runStart);
            blocks.linkPrev(runEnd, runStart);
            int merged = blocks.prev(runStart) != BlockTable.NIL && blocks.isFree(blocks.prev(runStart))
                    ? blocks.prev(runStart)
                    : runStart;
            tlsf.free(runStart);
            g = blocks.next(merged);
        }
    }
}
