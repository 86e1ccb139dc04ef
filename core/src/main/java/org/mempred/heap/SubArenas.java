package org.mempred.heap;

/**
 * A heap's sub-arenas in address order, and the figures of the whole arena summed over them: free
 * granules and free blocks add up, the largest free block is the largest of any sub-arena (no
 * block spans a fence). Finding the sub-arena of a global granule is O(1) for one sub-arena and a
 * binary search over the fences otherwise. Guarded by the heap's lock.
 */
final class SubArenas {
    private final SubArena[] subs;
    private final int[] bases;

    SubArenas(ArenaLayout layout, byte[] arena, HandleTable handles) {
        subs = new SubArena[layout.count()];
        bases = new int[layout.count()];
        int base = 0;
        for (int i = 0; i < subs.length; i++) {
            int granules = layout.bytes(i) >>> Granules.SHIFT;
            subs[i] = new SubArena(i, base, granules, arena, handles);
            bases[i] = base;
            base += granules;
        }
    }

    int count() {
        return subs.length;
    }

    SubArena get(int index) {
        return subs[index];
    }

    /** The sub-arena that holds global granule {@code g}. */
    SubArena holding(int g) {
        if (subs.length == 1) {
            return subs[0];
        }
        int lo = 0;
        int hi = bases.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (bases[mid] <= g) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return subs[lo];
    }

    int freeGranules() {
        int free = 0;
        for (SubArena sub : subs) {
            free += sub.tlsf.freeGranules();
        }
        return free;
    }

    int largestFreeGranules() {
        int largest = 0;
        for (SubArena sub : subs) {
            largest = Math.max(largest, sub.tlsf.largestFreeGranules());
        }
        return largest;
    }

    /** Contiguous capacity in bytes for requests of size class {@code c} ({@link SizeClasses}), summed. */
    long contiguousBytes(int c) {
        int order = c + SizeClasses.MIN_SHIFT - Granules.SHIFT;
        long granules = 0;
        for (SubArena sub : subs) {
            granules += sub.tlsf.contiguousGranules(order);
        }
        return granules << Granules.SHIFT;
    }

    int freeBlockCount() {
        int count = 0;
        for (SubArena sub : subs) {
            count += sub.tlsf.freeBlockCount();
        }
        return count;
    }

    /** Checks every sub-arena and the handle counts against their total. */
    void check(HandleTable handles) {
        long used = 0;
        long pinned = 0;
        for (SubArena sub : subs) {
            long counts = HeapInvariants.check(sub, handles);
            sub.summary.check(sub.blocks, handles);
            used += counts >>> 32;
            pinned += counts & 0xFFFF_FFFFL;
        }
        HeapInvariants.checkCounts(handles, used, pinned);
    }

    /** Visits every block of every sub-arena in address order (see {@link CompactingHeap#forEachBlock}). */
    void forEachBlock(HandleTable handles, BlockVisitor visitor) {
        for (SubArena sub : subs) {
            BlockTable blocks = sub.blocks;
            for (int g = 0; g < blocks.granules; g = blocks.next(g)) {
                int owner = blocks.owner(g);
                boolean free = owner == BlockTable.FREE;
                visitor.visit(
                        (sub.base + g) << Granules.SHIFT,
                        blocks.size(g) << Granules.SHIFT,
                        free,
                        !free && handles.isPinned(owner));
            }
        }
    }
}
