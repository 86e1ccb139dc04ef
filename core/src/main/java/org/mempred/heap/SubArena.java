package org.mempred.heap;

import java.util.concurrent.locks.ReentrantLock;

/**
 * One range-scoped part of a heap's arena: the granules {@code [base, base + granules)} with a
 * lock, free lists, block records, handle slots, counters, a live summary and compactors of its
 * own, so that a block never crosses its fence, free space never merges across it, and threads
 * working in different sub-arenas never wait for each other.
 *
 * <pre>
 *  arena (one byte[]):  | sub-arena 0            | sub-arena 1        | ...
 *  global granule:        0                        base1                capacity / 16
 *  local granule:         0 .. granules0 - 1       0 .. granules1 - 1
 *  handle slots:          0 .. granules0 - 1       base1 .. base1 + granules1 - 1
 *
 *  BlockTable, Tlsf, LiveSummary, Compactor, Evacuator   local granules (0 at the fence), local slots
 *  HandleTable.start, arena offsets                       global granules (base + local)
 * </pre>
 *
 * <p>Everything inside works in local granules, so TLSF, the summary and both compactors are the
 * same code as for a heap of one part; only the two places that leave the sub-arena — the arena's
 * bytes and the handles given out — add {@code base}. The first block of a sub-arena has no
 * predecessor and the last one ends at the fence, which is what keeps coalescing and sliding
 * inside it.
 *
 * <p><b>Lock</b>: {@link #lock} guards every field here and the arena bytes of
 * {@code [base, base + granules)}: each allocate, free, pin, read and write of a block holds the
 * lock of the block's sub-arena, and a block never leaves it (compaction moves blocks within a
 * sub-arena only), so the lock of a handle's sub-arena is all that operation needs.
 */
final class SubArena {
    final int index;
    /** First global granule, and first global handle slot. */
    final int base;

    final ReentrantLock lock = new ReentrantLock();
    final BlockTable blocks;
    final Tlsf tlsf;
    final HandleTable handles;
    final LiveSummary summary;
    final Compactor compactor;
    final Evacuator evacuator;
    /** Requests first tried here, blocks placed and freed here; OOM events and compactions are counted heap-wide. */
    final HeapCounters counters = new HeapCounters();

    SubArena(int index, int base, int granules, byte[] arena) {
        this.index = index;
        this.base = base;
        this.blocks = new BlockTable(granules);
        this.tlsf = new Tlsf(blocks);
        this.handles = new HandleTable(base, granules);
        this.summary = new LiveSummary(granules);
        this.compactor = new Compactor(arena, base, blocks, tlsf, handles, summary);
        this.evacuator = new Evacuator(arena, base, blocks, tlsf, handles, summary);
    }

    /** Arena index of {@code offset} in the block of {@code handle}, after checking {@code [offset, offset+length)}; under the lock. */
    int address(long handle, int offset, int length) {
        int slot = handles.slotOf(handle);
        int size = handles.size(slot);
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new IndexOutOfBoundsException("offset=" + offset + " length=" + length
                    + " out of bounds for block of size=" + size + " (handle " + Handles.format(handle) + ")");
        }
        return (handles.start(slot) << Granules.SHIFT) + offset;
    }
}
