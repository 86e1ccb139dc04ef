package org.mempred.heap;

/**
 * Plans the bounded slide of one range (the reserve's {@link RefillStep#RANGE}): the cheapest run
 * of 1 KiB chunks whose free granules hold the target and that no pinned block overlaps, found
 * from the {@link LiveSummary} with a two-pointer walk, then checked block by block.
 *
 * <pre>
 *  chunks:   | 60 | 64 | 41 | 50 | 38 | 64 | 55 |      live granules of 64 per chunk
 *                      [ run: free 23+14+26 >= target ]   cheapest run: fewest live granules
 *  blocks:        [from ......................... end)   every block that starts in it
 *  after:         [used used used used][   free   ][next]   free gathers at the top, merges on
 * </pre>
 *
 * <p>A slide of {@code [from, end)} moves every used block after the first free granule of the
 * range and leaves one free block at its top, merged with a free block at {@code end}; the check
 * walk computes exactly that block and the bytes the slide moves, and the plan is refused when the
 * block would be smaller than the target or the bytes over the budget — so a slide that starts
 * always reaches its target. Cost: O(level-0 chunks) for the walk over the summary (one pass,
 * each chunk entering and leaving the run once; 100 reads on a 100 KiB arena, a million on 1 GiB,
 * which the governor's rate limit bounds to ten a second) plus O(blocks in the range) for the
 * check. Stateless; called with the heap's lock held.
 */
final class RangeSlide {
    private static final long NONE = -1L;

    private RangeSlide() {}

    /**
     * The range to slide for a free block of {@code targetGranules}, moving at most
     * {@code budgetGranules}: {@code from << 32 | end} in the sub-arena's local granules, or -1
     * when no range qualifies.
     */
    static long plan(SubArena sub, int targetGranules, long budgetGranules) {
        LiveSummary summary = sub.summary;
        BlockTable blocks = sub.blocks;
        int chunkGranules = 1 << LiveSummary.CHUNK_SHIFT;
        int chunks = summary.chunkCount(0);
        long bestLive = Long.MAX_VALUE;
        int bestFirst = -1;
        int bestEnd = -1;
        int first = 0;
        int end = 0;
        long free = 0;
        long live = 0;
        while (first < chunks) {
            while (end < chunks && free < targetGranules && summary.pinnedBlocks(0, end) == 0) {
                int span = Math.min(chunkGranules, blocks.granules - end * chunkGranules);
                live += summary.liveGranules(0, end);
                free += span - summary.liveGranules(0, end);
                end++;
            }
            if (free >= targetGranules && live < bestLive) {
                bestLive = live;
                bestFirst = first;
                bestEnd = end;
            }
            if (end == first) { // a pinned chunk: start again after it
                first++;
                end = first;
                continue;
            }
            int span = Math.min(chunkGranules, blocks.granules - first * chunkGranules);
            live -= summary.liveGranules(0, first);
            free -= span - summary.liveGranules(0, first);
            first++;
        }
        if (bestFirst < 0 || bestLive > budgetGranules + chunkGranules) {
            return NONE;
        }
        return check(blocks, bestFirst * chunkGranules, bestEnd * chunkGranules, targetGranules, budgetGranules);
    }

    /** The block range of the chunk range {@code [fromGranule, toGranule)}, if its slide serves. */
    private static long check(BlockTable blocks, int fromGranule, int toGranule, int target, long budget) {
        int from = blocks.blockContaining(fromGranule);
        if (from != 0 && blocks.isFree(blocks.prev(from))) {
            from = blocks.prev(from);
        }
        long moved = 0;
        long free = 0;
        int g = from;
        while (g < toGranule && g < blocks.granules) {
            if (blocks.isFree(g)) {
                free += blocks.size(g);
            } else if (free > 0) {
                moved += blocks.size(g);
            }
            g = blocks.next(g);
        }
        long made = free + (g < blocks.granules && blocks.isFree(g) ? blocks.size(g) : 0);
        return made >= target && moved <= budget ? (long) from << 32 | g : NONE;
    }
}
