package org.mempred.heap;

/**
 * A summary of where the live bytes are, so that evacuation finds a cheap window without walking
 * the arena: per chunk of the arena, the granules held by used blocks and the number of pinned
 * blocks that overlap it, kept at several levels of chunk size.
 *
 * <pre>
 *  level 0: chunks of 64 granules (1 KiB)       live[0][c], pins[0][c]   c = granule &gt;&gt;&gt; 6
 *  level 1: chunks of 64 level-0 chunks (64 KiB) live[1][c], pins[1][c]   c = granule &gt;&gt;&gt; 12
 *  level 2: chunks of 4 MiB ...                  (levels are added until one has at most 256 chunks)
 *
 *  100 KiB arena: level 0 only (100 chunks)      16 MiB: levels 0-1      1 GiB: levels 0-2
 * </pre>
 *
 * <p>A block's granules are counted in every chunk they overlap, at every level, so each level
 * sums to the used granules. Updates cost O(levels + size / 1 KiB) per block made live, freed,
 * moved, pinned or unpinned; memory is 8 bytes per KiB of arena at level 0 and 1/64 of that per
 * further level.
 *
 * <p>{@link #beginSearch} and {@link #nextWindow} pick the cheapest runs of chunks from the top level down, one level
 * at a time inside the run chosen above it (a greedy descent, like a B-tree search; not an
 * exhaustive search, see the method). Its cost is O(256 + 64 · k · levels) chunk reads for a
 * window of k chunks, times the number of runs asked for at level 0: independent of the arena's
 * size up to the number of levels.
 */
final class LiveSummary {
    static final int CHUNK_SHIFT = 6;
    private static final int FAN_OUT_SHIFT = 6;
    private static final int TOP_MAX_CHUNKS = 256;
    /** A pinned block in a coarse chunk costs as much as this many live granules (a soft penalty). */
    private static final int PIN_PENALTY_GRANULES = 64;

    private final int granules;
    private final int[][] live;
    private final int[][] pins;
    private final int[] shifts;
    private int searchLo;
    private int searchHi;
    private int searchRun;

    LiveSummary(int granules) {
        this.granules = granules;
        int levels = 1;
        int shift = CHUNK_SHIFT;
        while (chunks(granules, shift) > TOP_MAX_CHUNKS) {
            levels++;
            shift += FAN_OUT_SHIFT;
        }
        live = new int[levels][];
        pins = new int[levels][];
        shifts = new int[levels];
        for (int level = 0; level < levels; level++) {
            shifts[level] = CHUNK_SHIFT + level * FAN_OUT_SHIFT;
            live[level] = new int[chunks(granules, shifts[level])];
            pins[level] = new int[live[level].length];
        }
    }

    private static int chunks(int granules, int shift) {
        return (granules + (1 << shift) - 1) >>> shift;
    }

    int levels() {
        return shifts.length;
    }

    /** Adds {@code delta} granules per granule of {@code [start, start + size)} as live. */
    void addLive(int start, int size, int delta) {
        int end = start + size;
        for (int level = 0; level < shifts.length; level++) {
            int shift = shifts[level];
            int[] counts = live[level];
            int first = start >>> shift;
            if (first == (end - 1) >>> shift) {
                counts[first] += delta * size; // the common case: the block sits in one chunk
                continue;
            }
            for (int c = first; c <= (end - 1) >>> shift; c++) {
                int overlap = Math.min(end, (c + 1) << shift) - Math.max(start, c << shift);
                counts[c] += delta * overlap;
            }
        }
    }

    /** Adds {@code delta} pinned blocks to every chunk that {@code [start, start + size)} overlaps. */
    void addPin(int start, int size, int delta) {
        int last = start + size - 1;
        for (int level = 0; level < shifts.length; level++) {
            int shift = shifts[level];
            for (int c = start >>> shift; c <= last >>> shift; c++) {
                pins[level][c] += delta;
            }
        }
    }

    int liveGranules(int level, int chunk) {
        return live[level][chunk];
    }

    int pinnedBlocks(int level, int chunk) {
        return pins[level][chunk];
    }

    int chunkCount(int level) {
        return live[level].length;
    }

    /**
     * Starts a search for windows of at least {@code windowGranules}: descends from the top level
     * to level 0 and returns the run length in level-0 chunks, or -1 when the region found is too
     * short; {@link #nextWindow} then yields runs of that length, cheapest first.
     *
     * <p>At each coarse level the run is one chunk longer than the window needs, so a window that
     * straddles a chunk border is still inside it; a pinned block there only adds a penalty, since
     * a coarse chunk with a pin may still hold a pin-free window. The descent is greedy: the
     * cheapest run of a coarse level is taken and never revisited, so the runs found are the
     * cheapest inside it, not always in the whole arena — on arenas with at most 256 chunks (256
     * KiB) there is one level and the search covers the whole arena.
     */
    int beginSearch(int windowGranules) {
        int lo = 0;
        int hi = live[shifts.length - 1].length;
        for (int level = shifts.length - 1; level > 0; level--) {
            int run = Math.min(hi - lo, chunks(windowGranules, shifts[level]) + 1);
            int best = cheapestRun(level, lo, hi, run, false, -1, null, 0);
            lo = best << FAN_OUT_SHIFT;
            hi = Math.min(live[level - 1].length, (best + run) << FAN_OUT_SHIFT);
        }
        searchLo = lo;
        searchHi = hi;
        searchRun = chunks(windowGranules, CHUNK_SHIFT);
        return searchRun > hi - lo ? -1 : searchRun;
    }

    /**
     * The first level-0 chunk of the cheapest pin-free run of the current search that starts at
     * least one run length away from each of {@code taken[0 .. count)}; -1 when none is left.
     * Several runs are offered because the cheapest one may hold a block too large to re-place.
     * Cost O(chunks searched × (1 + count)).
     */
    int nextWindow(int[] taken, int count) {
        return cheapestRun(0, searchLo, searchHi, searchRun, true, searchRun, taken, count);
    }

    /**
     * Start of the cheapest run of {@code run} chunks in {@code [lo, hi)}, -1 if pins forbid all;
     * with {@code spacing >= 0}, runs starting within {@code spacing} of {@code taken[0 .. count)}
     * are skipped.
     */
    private int cheapestRun(int level, int lo, int hi, int run, boolean pinFree, int spacing, int[] taken, int count) {
        int[] counts = live[level];
        int[] pinned = pins[level];
        long sum = 0;
        int pinSum = 0;
        for (int c = lo; c < lo + run; c++) {
            sum += counts[c];
            pinSum += pinned[c];
        }
        long bestCost = Long.MAX_VALUE;
        int best = -1;
        for (int c = lo; ; c++) {
            long cost = pinFree ? (pinSum == 0 ? sum : Long.MAX_VALUE) : sum + (long) pinSum * PIN_PENALTY_GRANULES;
            if (cost < bestCost && !near(c, spacing, taken, count)) {
                bestCost = cost;
                best = c;
            }
            if (c + run >= hi) {
                return best;
            }
            sum += counts[c + run] - counts[c];
            pinSum += pinned[c + run] - pinned[c];
        }
    }

    /**
     * Live granules in the level-0 run of {@code run} chunks from {@code first}: about what a window
     * there must move (a window may straddle the run's ends, so this is an estimate, not a bound).
     */
    int runLiveGranules(int first, int run) {
        long sum = 0;
        int end = Math.min(live[0].length, first + run);
        for (int c = first; c < end; c++) {
            sum += live[0][c];
        }
        return (int) sum;
    }

    private static boolean near(int chunk, int spacing, int[] taken, int count) {
        for (int k = 0; k < count; k++) {
            if (Math.abs(chunk - taken[k]) < spacing) {
                return true;
            }
        }
        return false;
    }

    /** Recounts everything from the blocks and fails on the first disagreement (for invariants). */
    void check(BlockTable blocks, HandleTable handles) {
        LiveSummary fresh = new LiveSummary(granules);
        for (int g = 0; g < blocks.granules; g = blocks.next(g)) {
            if (!blocks.isFree(g)) {
                fresh.addLive(g, blocks.size(g), 1);
                if (handles.isPinned(blocks.owner(g))) {
                    fresh.addPin(g, blocks.size(g), 1);
                }
            }
        }
        for (int level = 0; level < shifts.length; level++) {
            for (int c = 0; c < live[level].length; c++) {
                if (live[level][c] != fresh.live[level][c] || pins[level][c] != fresh.pins[level][c]) {
                    throw new IllegalStateException("heap invariant violated: live summary level " + level
                            + " chunk " + c + " holds live=" + live[level][c] + " pins=" + pins[level][c]
                            + ", the blocks have live=" + fresh.live[level][c] + " pins=" + fresh.pins[level][c]);
                }
            }
        }
    }
}
