package org.mempred.heap;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A heap's sub-arenas in address order, their locks, and the figures of the whole arena summed
 * over them: free granules, free blocks and live handles add up, the largest free block is the
 * largest of any sub-arena (no block spans a fence). Finding the sub-arena of a global granule or
 * handle slot is O(1) for one sub-arena and a binary search over the fences otherwise.
 *
 * <p><b>Locks</b>. Each sub-arena has its own ({@link SubArena#lock}); a thread holds one of them
 * at a time, or all of them, taken in index order by {@link #lockAll} — so no two threads ever wait
 * for each other in a cycle. The figure methods here and {@link #heapWide} need every lock held.
 *
 * <p><b>Homes</b>. An allocating thread starts in its home sub-arena ({@link #lockHome}), which one
 * of {@value #HOME_BUCKETS} buckets, picked by a hash of the thread's id, remembers. Homes are dealt
 * in turn as buckets are first used: the first thread to allocate gets sub-arena 0, so a single
 * thread places blocks exactly as a heap of one lock would (sub-arena 0 first, then the others in
 * order), and the next threads get sub-arenas of their own, where their blocks stay together and
 * their frees take the same lock as their allocations. A thread moves its home to the next
 * sub-arena when it finds its home's lock held by another thread (threads that share a bucket, or
 * outnumber the sub-arenas), so colliding threads spread, as {@code LongAdder} cells do. The
 * buckets are read and written without a lock: any value read is a valid home, and a stale one
 * costs one more move; the dealer is one atomic counter, touched once per bucket.
 */
final class SubArenas {
    /** Home buckets, a power of two. */
    static final int HOME_BUCKETS = 64;

    private final SubArena[] subs;
    private final int[] bases;
    private final int granules;
    /** Home of each bucket plus one; 0 while the bucket has none. */
    private final int[] homes = new int[HOME_BUCKETS];

    private final AtomicInteger dealt = new AtomicInteger();
    /** OOM events and compactions, which run with every lock held. */
    final HeapCounters heapWide = new HeapCounters();

    SubArenas(ArenaLayout layout, byte[] arena) {
        subs = new SubArena[layout.count()];
        bases = new int[layout.count()];
        int base = 0;
        for (int i = 0; i < subs.length; i++) {
            int subGranules = layout.bytes(i) >>> Granules.SHIFT;
            subs[i] = new SubArena(i, base, subGranules, arena);
            bases[i] = base;
            base += subGranules;
        }
        this.granules = base;
    }

    int count() {
        return subs.length;
    }

    SubArena get(int index) {
        return subs[index];
    }

    /** The sub-arena that holds global granule {@code g}, or issued global handle slot {@code g}. */
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

    /**
     * Locks and returns the sub-arena whose slots {@code handle}'s slot falls in (the handle itself
     * is checked by the caller under that lock, {@link HandleTable#slotOf}).
     *
     * @throws InvalidHandleException when the slot is beyond every sub-arena (nothing is locked)
     */
    SubArena locked(long handle) {
        int slot = Handles.slot(handle);
        if (slot < 0 || slot >= granules) {
            throw new InvalidHandleException("handle " + Handles.format(handle)
                    + " was never issued by this heap (slots are below " + granules + ")");
        }
        SubArena sub = holding(slot);
        sub.lock.lock();
        return sub;
    }

    /** Locks and returns the calling thread's home sub-arena, moving the home past any held by another thread. */
    SubArena lockHome() {
        SubArena[] all = subs;
        if (all.length == 1) {
            all[0].lock.lock();
            return all[0];
        }
        long id = Thread.currentThread().threadId() * 0x9E3779B97F4A7C15L;
        int bucket = (int) (id >>> 32) & (HOME_BUCKETS - 1);
        int home = homes[bucket] - 1;
        if (home < 0) {
            home = (dealt.getAndIncrement() & Integer.MAX_VALUE) % all.length;
            homes[bucket] = home + 1;
        }
        for (int tries = 1; tries < all.length; tries++) {
            if (all[home].lock.tryLock()) {
                return all[home];
            }
            home = home + 1 == all.length ? 0 : home + 1;
            homes[bucket] = home + 1;
        }
        all[home].lock.lock();
        return all[home];
    }

    /** Takes every sub-arena's lock, in index order. */
    void lockAll() {
        for (SubArena sub : subs) {
            sub.lock.lock();
        }
    }

    /** Releases what {@link #lockAll} took. */
    void unlockAll() {
        for (int i = subs.length - 1; i >= 0; i--) {
            subs[i].lock.unlock();
        }
    }

    /** Live blocks over every sub-arena. */
    int liveBlocks() {
        int live = 0;
        for (SubArena sub : subs) {
            live += sub.handles.live();
        }
        return live;
    }

    /** Pinned blocks over every sub-arena. */
    int pinnedBlocks() {
        int pinned = 0;
        for (SubArena sub : subs) {
            pinned += sub.handles.pinned();
        }
        return pinned;
    }

    /** The counters of every sub-arena and the heap-wide ones, summed into one. */
    HeapCounters counters() {
        HeapCounters total = new HeapCounters();
        for (SubArena sub : subs) {
            total.add(sub.counters);
        }
        total.add(heapWide);
        return total;
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

    /** Contiguous capacity in bytes for requests of each size class ({@link SizeClasses}), summed. */
    long[] contiguousByClass() {
        long[] contiguous = new long[SizeClasses.COUNT];
        for (int c = 0; c < SizeClasses.COUNT; c++) {
            contiguous[c] = contiguousBytes(c);
        }
        return contiguous;
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

    /** Checks every sub-arena, and its handle counts against its blocks. */
    void check() {
        for (SubArena sub : subs) {
            long counts = HeapInvariants.check(sub, sub.handles);
            sub.summary.check(sub.blocks, sub.handles);
            HeapInvariants.checkCounts(sub.handles, counts >>> 32, counts & 0xFFFF_FFFFL);
        }
    }

    /** Visits every block of every sub-arena in address order (see {@link CompactingHeap#forEachBlock}). */
    void forEachBlock(BlockVisitor visitor) {
        for (SubArena sub : subs) {
            BlockTable blocks = sub.blocks;
            HandleTable handles = sub.handles;
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
