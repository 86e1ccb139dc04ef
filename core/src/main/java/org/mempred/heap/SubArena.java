package org.mempred.heap;

/**
 * One range-scoped part of a heap's arena: the granules {@code [base, base + granules)} with free
 * lists, block records, a live summary and compactors of its own, so that a block never crosses
 * its fence and free space never merges across it.
 *
 * <pre>
 *  arena (one byte[]):  | sub-arena 0            | sub-arena 1        | ...
 *  global granule:        0                        base1                capacity / 16
 *  local granule:         0 .. granules0 - 1       0 .. granules1 - 1
 *
 *  BlockTable, Tlsf, LiveSummary, Compactor, Evacuator   local granules (0 at the fence)
 *  HandleTable.start, arena offsets                       global granules (base + local)
 * </pre>
 *
 * <p>Everything inside works in local granules, so TLSF, the summary and both compactors are the
 * same code as for a heap of one part; only the two places that leave the sub-arena — the arena's
 * bytes and the handle table — add {@code base}. The first block of a sub-arena has no
 * predecessor and the last one ends at the fence, which is what keeps coalescing and sliding
 * inside it. Guarded by the heap's lock, like every part of the heap.
 */
final class SubArena {
    final int index;
    /** First global granule. */
    final int base;

    final BlockTable blocks;
    final Tlsf tlsf;
    final LiveSummary summary;
    final Compactor compactor;
    final Evacuator evacuator;

    SubArena(int index, int base, int granules, byte[] arena, HandleTable handles) {
        this.index = index;
        this.base = base;
        this.blocks = new BlockTable(granules);
        this.tlsf = new Tlsf(blocks);
        this.summary = new LiveSummary(granules);
        this.compactor = new Compactor(arena, base, blocks, tlsf, handles, summary);
        this.evacuator = new Evacuator(arena, base, blocks, tlsf, handles, summary);
    }
}
