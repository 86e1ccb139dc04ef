package org.mempred.heap;

import java.util.Arrays;

/**
 * Evacuation: makes one free block of at least a target size by emptying the cheapest pin-free
 * window of the arena whose live blocks can be re-placed in free space outside it (the "migrate"
 * half of Linux's {@code mm/compaction.c}, aimed at one window instead of a whole zone; the window
 * choice follows the least-live-first victim choice of region-based collectors such as G1).
 *
 * <pre>
 *  before:  [A][f][B][ free ][C][f][D]...[  free  ]     target = 8 granules, window = [B .. C]
 *  after:   [A][      free (>= target)   ][D]...[B][C][fr]
 *                 B and C went to the best-fitting free blocks outside the window
 * </pre>
 *
 * <p><b>Steps.</b>
 * <ol>
 *   <li>{@link LiveSummary#nextWindow} names the cheapest runs of 1 KiB chunks (fewest live
 *       bytes, no pin), one at a time, up to {@value #REGIONS}; the search stops once a window
 *       has been found that is no dearer than the next run.
 *   <li>The largest free blocks of the heap ({@value #DESTINATIONS} at most, from TLSF's top
 *       size classes) are the candidate destinations.
 *   <li>A two-pointer walk over the blocks around each run considers every window of consecutive
 *       blocks that spans at least the target and holds no pinned block; a window that is cheaper
 *       (fewer live granules) than the best so far is kept only if its blocks fit the destinations
 *       outside it, placed largest first, each into the smallest destination left that holds it
 *       (best fit decreasing). At 95 % pressure the cheapest window often holds one block larger
 *       than any hole elsewhere: without this check such a window would be half emptied for
 *       nothing.
 *   <li>If the chosen window's live bytes fit the budget, its free blocks are taken off the TLSF
 *       lists, its used blocks are copied to their planned destinations with
 *       {@link System#arraycopy}, and the emptied blocks are merged into one free block and
 *       returned to TLSF, coalescing with free neighbours.
 * </ol>
 *
 * <p><b>Invariants.</b> Source and destination never overlap (destinations lie outside the
 * window), so every byte is preserved; pinned blocks are never in a window; the bytes moved never
 * exceed the budget, which is checked before anything moves; a plan is carried out exactly, so an
 * evacuation that starts moving always completes. Cost: the summary search, plus O(blocks around
 * the chosen run + the feasibility checks of improving windows × (movers × destinations)), plus
 * the bytes copied; the scratch arrays grow to the most blocks a window held and are reused, so a
 * warm evacuator allocates nothing.
 */
final class Evacuator {
    /** Most free blocks considered as destinations. */
    static final int DESTINATIONS = 32;
    /** Most destinations of a wide search ({@link #evacuate(int, long, boolean)}). */
    static final int WIDE_DESTINATIONS = 256;
    /** Movers sorted by insertion up to this many; a primitive sort beyond. */
    private static final int INSERTION_SORT_MAX = 32;

    private static final long ADDRESS_MASK = 0xFFFF_FFFFL;
    /** Most runs of chunks, from the cheapest, whose windows are searched. */
    static final int REGIONS = 8;
    /** Most runs of a wide search: several windows, when the cheapest few were not placeable. */
    static final int WIDE_REGIONS = 64;

    /** Owner mark of a window block that is emptied (moved out, or a free block taken off TLSF). */
    private static final int VACATED = -2;

    private final byte[] arena;
    private final int base;
    private final BlockTable blocks;
    private final Tlsf tlsf;
    private final HandleTable handles;
    private final LiveSummary summary;
    private final int[] destinations = new int[WIDE_DESTINATIONS];
    private final int[] room = new int[WIDE_DESTINATIONS];
    private final int[] regionChunks = new int[WIDE_REGIONS];
    private int destinationCount;
    private int[] movers = new int[16];
    private int[] plan = new int[16];
    private int[] bestMovers = new int[16];
    private int[] bestPlan = new int[16];
    private int planned;
    private boolean windowFound;
    private long[] sortKeys = new long[16];
    private int bestCount;
    private long bytesMoved;
    private int blocksMoved;
    private int windowStart;
    private int windowEnd;

    /** An evacuator of the sub-arena whose local granule 0 is global granule {@code base}. */
    Evacuator(byte[] arena, int base, BlockTable blocks, Tlsf tlsf, HandleTable handles, LiveSummary summary) {
        this.arena = arena;
        this.base = base;
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
        return evacuate(targetGranules, maxBytesMoved, false);
    }

    /**
     * As {@link #evacuate(int, long)}; when {@code wide}, the search reads up to
     * {@value #WIDE_REGIONS} runs against up to {@value #WIDE_DESTINATIONS} destinations, so
     * windows whose blocks fit only the many small holes of a full heap are found too (the
     * reserve's escalation, see {@link RefillStep#WINDOWS}); the search then costs up to eight
     * times as much.
     */
    boolean evacuate(int targetGranules, long maxBytesMoved, boolean wide) {
        bytesMoved = 0;
        blocksMoved = 0;
        if (tlsf.largestFreeGranules() >= targetGranules) {
            return true;
        }
        long budgetGranules = Math.min(Integer.MAX_VALUE, maxBytesMoved >>> Granules.SHIFT);
        int regions = wide ? WIDE_REGIONS : REGIONS;
        int destinationLimit = wide ? WIDE_DESTINATIONS : DESTINATIONS;
        if (tlsf.freeGranules() < targetGranules
                || !findWindow(targetGranules, budgetGranules, regions, destinationLimit)) {
            return false;
        }
        detachWindowFreeBlocks();
        moveOut();
        rebuildWindow();
        return tlsf.largestFreeGranules() >= targetGranules;
    }

    long bytesMoved() {
        return bytesMoved;
    }

    int blocksMoved() {
        return blocksMoved;
    }

    /** Sets the window fields and the best plan to the cheapest placeable window; false if none. */
    private boolean findWindow(int target, long budgetGranules, int regions, int destinationLimit) {
        int runChunks = summary.beginSearch(target);
        if (runChunks < 0) {
            return false;
        }
        destinationCount = tlsf.collectLargest(destinations, destinationLimit);
        int chunkGranules = 1 << LiveSummary.CHUNK_SHIFT;
        long bestLive = Long.MAX_VALUE;
        windowFound = false;
        for (int r = 0; r < regions; r++) {
            int chunk = summary.nextWindow(regionChunks, r);
            if (chunk < 0 || bestLive <= summary.runLiveGranules(chunk, runChunks)) {
                break; // runs come cheapest first: stop once a window is no dearer than the next run
            }
            regionChunks[r] = chunk;
            int from = Math.max(0, (chunk - 1) * chunkGranules);
            int to = Math.min(blocks.granules, (chunk + 1) * chunkGranules + target);
            bestLive = searchRegion(from, to, target, Math.min(bestLive, budgetGranules + 1));
        }
        return windowFound;
    }

    /** The two-pointer walk over windows starting in {@code [from, to)}; returns the best live so far. */
    private long searchRegion(int from, int to, int target, long bestSoFar) {
        long bestLive = bestSoFar;
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
            if (pinned == 0 && live < bestLive && placeable(i, j)) {
                bestLive = live;
                windowFound = true;
                windowStart = i;
                windowEnd = j;
                keepPlan();
            }
            int owner = blocks.owner(i);
            if (owner != BlockTable.FREE) {
                live -= blocks.size(i);
                pinned -= handles.isPinned(owner) ? 1 : 0;
            }
            i = blocks.next(i);
        }
        return bestLive;
    }

    /**
     * Whether the used blocks of {@code [from, to)} fit the destinations outside it, largest first,
     * best fit; fills {@code movers} and {@code plan} (destination granule of each) when they do.
     */
    private boolean placeable(int from, int to) {
        int count = 0;
        for (int g = from; g < to; g = blocks.next(g)) {
            if (!blocks.isFree(g)) {
                if (count == movers.length) {
                    movers = Arrays.copyOf(movers, count * 2);
                    plan = Arrays.copyOf(plan, count * 2);
                }
                movers[count++] = g;
            }
        }
        sortBySizeDescending(count);
        for (int d = 0; d < destinationCount; d++) {
            int start = destinations[d];
            room[d] = start >= from && start < to ? 0 : blocks.size(start);
        }
        for (int k = 0; k < count; k++) {
            int size = blocks.size(movers[k]);
            int best = -1;
            for (int d = 0; d < destinationCount; d++) {
                if (room[d] >= size && (best < 0 || room[d] < room[best])) {
                    best = d;
                }
            }
            if (best < 0) {
                return false;
            }
            plan[k] = destinations[best] + blocks.size(destinations[best]) - room[best];
            room[best] -= size;
        }
        planned = count;
        return true;
    }

    private void keepPlan() {
        bestCount = planned;
        if (bestMovers.length < bestCount) {
            bestMovers = new int[movers.length];
            bestPlan = new int[movers.length];
        }
        System.arraycopy(movers, 0, bestMovers, 0, bestCount);
        System.arraycopy(plan, 0, bestPlan, 0, bestCount);
    }

    private void sortBySizeDescending(int count) {
        if (count > INSERTION_SORT_MAX) {
            sortLarge(count);
            return;
        }
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

    /**
     * Sorts many movers in O(n log n) without allocating, in the same order as the insertion sort
     * (largest first, equal sizes by address): each key packs the size and the complement of the
     * address into a long, a primitive sort orders them, and reading them backwards gives the order.
     */
    private void sortLarge(int count) {
        if (sortKeys.length < count) {
            sortKeys = new long[movers.length];
        }
        for (int k = 0; k < count; k++) {
            sortKeys[k] = ((long) blocks.size(movers[k]) << 32) | (ADDRESS_MASK - movers[k]);
        }
        Arrays.sort(sortKeys, 0, count);
        for (int k = 0; k < count; k++) {
            movers[k] = (int) (ADDRESS_MASK - (sortKeys[count - 1 - k] & ADDRESS_MASK));
        }
    }

    /** Takes the window's free blocks off TLSF and marks them VACATED, so nothing lands there. */
    private void detachWindowFreeBlocks() {
        for (int g = windowStart; g < windowEnd; g = blocks.next(g)) {
            if (blocks.isFree(g)) {
                tlsf.remove(g);
                blocks.setOwner(g, VACATED);
            }
        }
    }

    /**
     * Carries out the plan: each mover goes to the start of the free block at its planned
     * granule, which is a destination's start or the tail split off by the previous mover there.
     */
    private void moveOut() {
        for (int k = 0; k < bestCount; k++) {
            int from = bestMovers[k];
            int to = bestPlan[k];
            int size = blocks.size(from);
            tlsf.take(to, size);
            int owner = blocks.owner(from);
            System.arraycopy(
                    arena,
                    (base + from) << Granules.SHIFT,
                    arena,
                    (base + to) << Granules.SHIFT,
                    size << Granules.SHIFT);
            blocks.setOwner(to, owner);
            blocks.setOwner(from, VACATED);
            handles.move(owner, base + to);
            summary.addLive(from, size, -1);
            summary.addLive(to, size, 1);
            bytesMoved += (long) size << Granules.SHIFT;
            blocksMoved++;
        }
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
