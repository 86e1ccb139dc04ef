package org.mempred.heap;

/**
 * The structural invariants of a heap, checked by a full walk (tests call it after every step).
 *
 * <ol>
 *   <li>Blocks tile each sub-arena: the first starts at its fence, each next one at the previous
 *       end, the last ends at the next fence, and every {@code prev} link names the physical
 *       predecessor inside the sub-arena (none for the first). So no two blocks overlap, no block
 *       crosses a fence, and every byte is in exactly one block.
 *   <li>No two free blocks are neighbours (coalescing is immediate).
 *   <li>Every free block is linked in the TLSF list of its size, the lists hold nothing else, the
 *       bitmaps agree with the lists, and the free counters match the walk.
 *   <li>Every used block is owned by a live slot that points back to it, whose requested size
 *       rounds up to the block's size; the live and pinned counts match the walk.
 * </ol>
 *
 * Cost: O(granules + blocks · list length); for tests and diagnostics only.
 */
final class HeapInvariants {
    private HeapInvariants() {}

    /**
     * Checks the sub-arena's blocks and free lists; returns its used blocks in the high and its
     * pinned blocks in the low 32 bits, for {@link #checkCounts}.
     */
    static long check(SubArena sub, HandleTable handles) {
        BlockTable blocks = sub.blocks;
        Tlsf tlsf = sub.tlsf;
        int g = 0;
        int prev = BlockTable.NIL;
        int freeBlocks = 0;
        long freeGranules = 0;
        int usedBlocks = 0;
        int pinnedBlocks = 0;
        boolean prevFree = false;
        while (g < blocks.granules) {
            int size = blocks.size(g);
            if (!(size > 0 && g + size <= blocks.granules)) {
                fail(at(sub, g) + " has size " + size);
            }
            if (!(blocks.prev(g) == prev)) {
                fail(at(sub, g) + " has prev " + blocks.prev(g) + ", expected " + prev);
            }
            if (blocks.isFree(g)) {
                if (!(!prevFree)) {
                    fail("free " + at(sub, prev) + " and its successor at local granule " + g + " were not coalesced");
                }
                if (!(tlsf.isListed(g))) {
                    fail("free " + at(sub, g) + " is missing from its TLSF list");
                }
                freeBlocks++;
                freeGranules += size;
                prevFree = true;
            } else {
                checkUsed(sub, handles, g, size);
                usedBlocks++;
                pinnedBlocks += handles.isPinned(blocks.owner(g)) ? 1 : 0;
                prevFree = false;
            }
            prev = g;
            g += size;
        }
        if (!(g == blocks.granules)) {
            fail("blocks of sub-arena " + sub.index + " end at local granule " + g + ", it has " + blocks.granules);
        }
        if (!tlsf.ordersAgree()) {
            fail("TLSF's per-order free counts disagree with its lists");
        }
        if (!(tlsf.countListed() == freeBlocks)) {
            fail("TLSF lists hold " + tlsf.countListed() + " blocks, walk found " + freeBlocks);
        }
        if (!(tlsf.freeBlockCount() == freeBlocks)) {
            fail("free block count " + tlsf.freeBlockCount() + " != " + freeBlocks);
        }
        if (!(tlsf.freeGranules() == freeGranules)) {
            fail("free granules " + tlsf.freeGranules() + " != " + freeGranules);
        }
        return ((long) usedBlocks << 32) | pinnedBlocks;
    }

    /** Checks the handle table's live and pinned counts against the walks' total. */
    static void checkCounts(HandleTable handles, long usedBlocks, long pinnedBlocks) {
        if (!(handles.live() == usedBlocks)) {
            fail("live slots " + handles.live() + " != used blocks " + usedBlocks);
        }
        if (!(handles.pinned() == pinnedBlocks)) {
            fail("pinned slots " + handles.pinned() + " != " + pinnedBlocks);
        }
    }

    private static void checkUsed(SubArena sub, HandleTable handles, int g, int size) {
        BlockTable blocks = sub.blocks;
        int slot = blocks.owner(g);
        int global = sub.base + g;
        if (!(slot >= 0 && slot < handles.issued())) {
            fail("used block at granule " + global + " has owner slot " + slot);
        }
        if (!(handles.isLive(slot) && handles.start(slot) == global)) {
            fail("slot " + slot + " points at granule " + handles.start(slot) + ", block is at " + global);
        }
        int granules = Granules.of(handles.size(slot));
        if (!(granules == size)) {
            fail("slot " + slot + " of size " + handles.size(slot) + " needs " + granules + " granules, block has "
                    + size);
        }
        if (!(handles.pins(slot) >= 0)) {
            fail("slot " + slot + " has pin count " + handles.pins(slot));
        }
    }

    private static String at(SubArena sub, int g) {
        return "block at granule " + (sub.base + g) + " (sub-arena " + sub.index + ", local " + g + ")";
    }

    private static void fail(String message) {
        throw new IllegalStateException("heap invariant violated: " + message);
    }
}
