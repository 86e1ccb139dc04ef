package org.mempred.heap;

import java.util.Arrays;

/**
 * Two-level segregated fit free-space management over a {@link BlockTable} (Masmano, Ripoll,
 * Crespo, Real: "TLSF: a New Dynamic Memory Allocator for Real-Time Systems", ECRTS 2004).
 *
 * <p>Sizes are counted in granules. A size {@code n} maps to a first-level class
 * {@code fl = floor(log2 n) - SL_LOG2 + 1} and one of {@code SL_COUNT} second-level classes that
 * split {@code [2^f, 2^(f+1))} linearly; sizes below {@code SL_COUNT} map to first level 0, one
 * exact size per list:
 *
 * <pre>
 *  flBitmap: bit fl set  &lt;=&gt;  slBitmap[fl] != 0
 *  slBitmap[fl]: bit sl set  &lt;=&gt;  head[fl * SL_COUNT + sl] != NIL
 *  head[i] -&gt; free block -&gt; nextFree -&gt; ... (doubly linked through prevFree)
 * </pre>
 *
 * <p>Costs: {@link #allocate} and {@link #free} are O(1) (two bit scans, list unlink, split or
 * coalesce with both physical neighbours). A request first rounds its size up to the next class
 * so that any block of the class found fits ("good fit"); if that finds nothing, it scans the
 * request's own class once, so that a request never fails while a fitting block exists — an OOM
 * event must mean real fragmentation or exhaustion, not an artefact of the allocator.
 * {@link #largestFreeGranules} scans the top non-empty list only.
 */
final class Tlsf {
    static final int SL_LOG2 = 4;
    static final int SL_COUNT = 1 << SL_LOG2;
    private static final int FL_COUNT = 32;

    private final BlockTable blocks;
    private final int[] head = new int[FL_COUNT * SL_COUNT];
    private final int[] slBitmap = new int[FL_COUNT];
    private int flBitmap;
    private int freeBlockCount;
    private int freeGranules;
    /** Free blocks and their granules by order {@code floor(log2 granules)}: contiguous capacity per class. */
    private final int[] blocksByOrder = new int[FL_COUNT];

    private final long[] granulesByOrder = new long[FL_COUNT];

    Tlsf(BlockTable blocks) {
        this.blocks = blocks;
        Arrays.fill(head, BlockTable.NIL);
        insert(0);
    }

    int freeBlockCount() {
        return freeBlockCount;
    }

    int freeGranules() {
        return freeGranules;
    }

    /** The list index that holds free blocks of {@code n} granules. */
    static int listIndex(int n) {
        if (n < SL_COUNT) {
            return n;
        }
        int f = 31 - Integer.numberOfLeadingZeros(n);
        int fl = f - SL_LOG2 + 1;
        int sl = (n >>> (f - SL_LOG2)) - SL_COUNT;
        return fl * SL_COUNT + sl;
    }

    /** The smallest list index whose blocks all hold at least {@code n} granules. */
    static int searchIndex(int n) {
        if (n < SL_COUNT) {
            return n;
        }
        int f = 31 - Integer.numberOfLeadingZeros(n);
        return listIndex(n + (1 << (f - SL_LOG2)) - 1);
    }

    /**
     * Takes a free block of at least {@code n} granules, splits off the rest, and returns its
     * start with the owner still {@link BlockTable#FREE}; {@link BlockTable#NIL} when none fits.
     */
    int allocate(int n) {
        int start = firstNonEmptyFrom(searchIndex(n));
        if (start == BlockTable.NIL) {
            start = firstFitInList(listIndex(n), n);
            if (start == BlockTable.NIL) {
                return BlockTable.NIL;
            }
        }
        take(start, n);
        return start;
    }

    /**
     * Takes {@code n} granules as close as it finds to granule {@code target}, size first: among
     * up to {@code scan} blocks of the first non-empty good-fit list (else the request's own list,
     * as {@link #allocate}), the one whose head or tail part of {@code n} granules starts nearest
     * the target, cut from that end, so the rest stays one free block. Address never overrides
     * fit: scanning larger lists for a nearer block split large free blocks and raised OOM events
     * on the stressor, even with the oracle's classes. Returns the part's start
     * (owner still FREE) or {@link BlockTable#NIL} when nothing fits. O(scan) beyond
     * {@link #allocate}.
     */
    int allocateNear(int n, int target, int scan) {
        int best = BlockTable.NIL;
        int bestAt = 0;
        long bestDistance = Long.MAX_VALUE;
        int examined = 0;
        int index = nonEmptyFrom(searchIndex(n));
        if (index >= 0) {
            for (int b = head[index]; b != BlockTable.NIL && examined < scan; b = blocks.nextFree(b)) {
                examined++;
                int at = nearestPart(b, n, target);
                long distance = Math.abs((long) at - target);
                if (distance < bestDistance) {
                    best = b;
                    bestAt = at;
                    bestDistance = distance;
                }
            }
        }
        if (best == BlockTable.NIL) {
            best = firstFitInList(listIndex(n), n);
            if (best == BlockTable.NIL) {
                return BlockTable.NIL;
            }
            bestAt = nearestPart(best, n, target);
        }
        if (bestAt == best) {
            take(best, n);
        } else {
            takeTail(best, n);
        }
        return bestAt;
    }

    private int nearestPart(int b, int n, int target) {
        int tail = b + blocks.size(b) - n;
        return Math.abs((long) tail - target) < Math.abs((long) b - target) ? tail : b;
    }

    /** Takes the last {@code n} granules of the free block at {@code start}; the head stays free. */
    private void takeTail(int start, int n) {
        remove(start);
        int size = blocks.size(start);
        int rest = size - n;
        int tail = start + rest;
        blocks.setSize(start, rest);
        blocks.setSize(tail, n);
        blocks.setOwner(tail, BlockTable.FREE);
        blocks.setPrev(tail, start);
        blocks.linkPrev(tail + n, tail);
        blocks.markStart(tail);
        insert(start);
    }

    /**
     * Takes the first {@code n} granules of the free block at {@code start} (which must hold at
     * least {@code n}), splitting off the rest as a free block; the owner stays FREE.
     */
    void take(int start, int n) {
        remove(start);
        int rest = blocks.size(start) - n;
        if (rest > 0) {
            int tail = start + n;
            blocks.setSize(start, n);
            blocks.setSize(tail, rest);
            blocks.setOwner(tail, BlockTable.FREE);
            blocks.setPrev(tail, start);
            blocks.linkPrev(tail + rest, tail);
            blocks.markStart(tail);
            insert(tail);
        }
    }

    /**
     * Writes the starts of up to {@code max} of the largest free blocks into {@code out}, largest
     * size class first, and returns how many. Cost O(lists visited + blocks written); the bitmaps
     * skip empty lists.
     */
    int collectLargest(int[] out, int max) {
        int count = 0;
        int flMap = flBitmap;
        while (flMap != 0 && count < max) {
            int fl = 31 - Integer.numberOfLeadingZeros(flMap);
            flMap &= ~(1 << fl);
            int slMap = slBitmap[fl];
            while (slMap != 0 && count < max) {
                int sl = 31 - Integer.numberOfLeadingZeros(slMap);
                slMap &= ~(1 << sl);
                for (int b = head[fl * SL_COUNT + sl]; b != BlockTable.NIL && count < max; b = blocks.nextFree(b)) {
                    out[count++] = b;
                }
            }
        }
        return count;
    }

    /** Returns the used block at {@code start} to the free lists, coalescing with free neighbours. */
    void free(int start) {
        blocks.setOwner(start, BlockTable.FREE);
        int next = blocks.next(start);
        if (next < blocks.granules && blocks.isFree(next)) {
            remove(next);
            blocks.setSize(start, blocks.size(start) + blocks.size(next));
            blocks.linkPrev(blocks.next(start), start);
            blocks.clearStart(next);
        }
        int prev = blocks.prev(start);
        if (prev != BlockTable.NIL && blocks.isFree(prev)) {
            remove(prev);
            blocks.setSize(prev, blocks.size(prev) + blocks.size(start));
            blocks.linkPrev(blocks.next(prev), prev);
            blocks.clearStart(start);
            start = prev;
        }
        insert(start);
    }

    /** Links the free block at {@code start} into the head of its size class. */
    void insert(int start) {
        int index = listIndex(blocks.size(start));
        int first = head[index];
        blocks.setNextFree(start, first);
        blocks.setPrevFree(start, BlockTable.NIL);
        if (first != BlockTable.NIL) {
            blocks.setPrevFree(first, start);
        }
        head[index] = start;
        slBitmap[index >>> SL_LOG2] |= 1 << (index & (SL_COUNT - 1));
        flBitmap |= 1 << (index >>> SL_LOG2);
        freeBlockCount++;
        int size = blocks.size(start);
        freeGranules += size;
        int order = 31 - Integer.numberOfLeadingZeros(size);
        blocksByOrder[order]++;
        granulesByOrder[order] += size;
    }

    /** Unlinks the free block at {@code start} from its size class. */
    void remove(int start) {
        int index = listIndex(blocks.size(start));
        int next = blocks.nextFree(start);
        int prev = blocks.prevFree(start);
        if (prev != BlockTable.NIL) {
            blocks.setNextFree(prev, next);
        } else {
            head[index] = next;
            if (next == BlockTable.NIL) {
                int fl = index >>> SL_LOG2;
                slBitmap[fl] &= ~(1 << (index & (SL_COUNT - 1)));
                if (slBitmap[fl] == 0) {
                    flBitmap &= ~(1 << fl);
                }
            }
        }
        if (next != BlockTable.NIL) {
            blocks.setPrevFree(next, prev);
        }
        freeBlockCount--;
        int size = blocks.size(start);
        freeGranules -= size;
        int order = 31 - Integer.numberOfLeadingZeros(size);
        blocksByOrder[order]--;
        granulesByOrder[order] -= size;
    }

    /**
     * The contiguous capacity, in granules, for requests of at least {@code 2^order} granules:
     * each free block of order {@code order} counts as one unit of {@code 2^order}, each larger
     * block with all its granules (a block of {@code b} granules holds {@code floor(b / 2^order)}
     * such requests, which its size approximates to within one unit). O(orders), no scan.
     */
    long contiguousGranules(int order) {
        if (order >= FL_COUNT) {
            return 0;
        }
        long capacity = (long) blocksByOrder[order] << order;
        for (int o = order + 1; o < FL_COUNT; o++) {
            capacity += granulesByOrder[o];
        }
        return capacity;
    }

    /** Size of the largest free block in granules, 0 when none. */
    int largestFreeGranules() {
        if (flBitmap == 0) {
            return 0;
        }
        int fl = 31 - Integer.numberOfLeadingZeros(flBitmap);
        int sl = 31 - Integer.numberOfLeadingZeros(slBitmap[fl]);
        int largest = 0;
        for (int b = head[fl * SL_COUNT + sl]; b != BlockTable.NIL; b = blocks.nextFree(b)) {
            largest = Math.max(largest, blocks.size(b));
        }
        return largest;
    }

    /** Whether the per-order counts of free blocks and granules agree with the lists (for invariants). */
    boolean ordersAgree() {
        int[] counted = new int[FL_COUNT];
        long[] granules = new long[FL_COUNT];
        for (int index = 0; index < head.length; index++) {
            for (int b = head[index]; b != BlockTable.NIL; b = blocks.nextFree(b)) {
                int order = 31 - Integer.numberOfLeadingZeros(blocks.size(b));
                counted[order]++;
                granules[order] += blocks.size(b);
            }
        }
        return Arrays.equals(counted, blocksByOrder) && Arrays.equals(granules, granulesByOrder);
    }

    /** Whether the free block at {@code start} is linked in the list its size maps to (for invariants). */
    boolean isListed(int start) {
        for (int b = head[listIndex(blocks.size(start))]; b != BlockTable.NIL; b = blocks.nextFree(b)) {
            if (b == start) {
                return true;
            }
        }
        return false;
    }

    /** Number of blocks linked in all lists, walking them (for invariants). */
    int countListed() {
        int count = 0;
        for (int index = 0; index < head.length; index++) {
            boolean bit = (slBitmap[index >>> SL_LOG2] & (1 << (index & (SL_COUNT - 1)))) != 0;
            boolean flBit = (flBitmap & (1 << (index >>> SL_LOG2))) != 0;
            if (bit != (head[index] != BlockTable.NIL) || (bit && !flBit)) {
                throw new IllegalStateException("TLSF bitmap disagrees with list " + index + ": head=" + head[index]);
            }
            for (int b = head[index]; b != BlockTable.NIL; b = blocks.nextFree(b)) {
                if (!blocks.isFree(b) || listIndex(blocks.size(b)) != index) {
                    throw new IllegalStateException("TLSF list " + index + " holds block " + b + " of size "
                            + blocks.size(b) + " owner " + blocks.owner(b));
                }
                count++;
            }
        }
        return count;
    }

    private int firstNonEmptyFrom(int index) {
        int list = nonEmptyFrom(index);
        return list < 0 ? BlockTable.NIL : head[list];
    }

    /** The first non-empty list at or above {@code index}, -1 when none. */
    private int nonEmptyFrom(int index) {
        if (index >= head.length) {
            return -1;
        }
        int fl = index >>> SL_LOG2;
        int slMap = slBitmap[fl] & (-1 << (index & (SL_COUNT - 1)));
        if (slMap == 0) {
            int flMap = fl + 1 < FL_COUNT ? flBitmap & (-1 << (fl + 1)) : 0;
            if (flMap == 0) {
                return -1;
            }
            fl = Integer.numberOfTrailingZeros(flMap);
            slMap = slBitmap[fl];
        }
        return fl * SL_COUNT + Integer.numberOfTrailingZeros(slMap);
    }

    private int firstFitInList(int index, int n) {
        for (int b = head[index]; b != BlockTable.NIL; b = blocks.nextFree(b)) {
            if (blocks.size(b) >= n) {
                return b;
            }
        }
        return BlockTable.NIL;
    }
}
