package org.mempred.heap;

import java.util.Arrays;

/**
 * The request path of a heap, run under its lock: serves an {@link AllocationRequest} in the
 * design's order and frees blocks. Split from {@link CompactingHeap}, which checks arguments,
 * takes the lock and answers queries.
 *
 * <pre>
 *  allocate: TLSF of the request's sub-arena -- none --&gt; direct compaction there (MAY_COMPACT,
 *            enough free bytes) --&gt; TLSF again -- none --&gt; OOM event (fragmentation | exhaustion)
 *            then, served or not: the reserve's wake-up check
 * </pre>
 *
 * <p>Cost: O(1) TLSF operations, the live summary's O(size / 1 KiB) update and the zero-fill,
 * plus a direct compaction when one runs; nothing is allocated unless a compaction runs (its
 * {@link CompactionResult}).
 */
final class Allocator {
    private final byte[] arena;
    private final HandleTable handles;
    private final SubArenas space;
    private final CompactionRunner runner;
    private final HeapCounters counters;
    private final Reserve reserve;
    private final int directCompactionBudgetBytes;

    Allocator(
            byte[] arena,
            HandleTable handles,
            SubArenas space,
            CompactionRunner runner,
            HeapCounters counters,
            Reserve reserve,
            int directCompactionBudgetBytes) {
        this.arena = arena;
        this.handles = handles;
        this.space = space;
        this.runner = runner;
        this.counters = counters;
        this.reserve = reserve;
        this.directCompactionBudgetBytes = directCompactionBudgetBytes;
    }

    /** Serves {@code request} (its size already checked) and fills its outcome. */
    Allocation allocate(AllocationRequest request, DirectCompaction form) {
        Allocation outcome = request.outcome();
        outcome.reset();
        int sizeBytes = request.sizeBytes();
        int granules = Granules.of(sizeBytes);
        counters.recordRequest(sizeBytes);
        SubArena sub = space.get(0);
        int start = sub.tlsf.allocate(granules);
        if (start == BlockTable.NIL
                && request.mode() == AllocationMode.MAY_COMPACT
                && sub.tlsf.freeGranules() >= granules) {
            runner.direct(form, sub, granules, directCompactionBudgetBytes, outcome.direct());
            start = sub.tlsf.allocate(granules);
        }
        if (start == BlockTable.NIL) {
            OomKind kind = space.freeGranules() >= granules ? OomKind.FRAGMENTATION : OomKind.EXHAUSTION;
            counters.recordOom(kind);
            outcome.failed(kind);
        } else {
            place(sub, start, granules, sizeBytes, outcome);
        }
        if (reserve.shouldWake()) {
            outcome.raiseWakeup();
        }
        return outcome;
    }

    /** Makes the free block TLSF just took at {@code start} of {@code sub} a live, zero-filled block. */
    private void place(SubArena sub, int start, int granules, int sizeBytes, Allocation outcome) {
        long handle = handles.acquire(sub.base + start, sizeBytes);
        sub.blocks.setOwner(start, Handles.slot(handle));
        sub.summary.addLive(start, granules, 1);
        int from = (sub.base + start) << Granules.SHIFT;
        Arrays.fill(arena, from, from + (granules << Granules.SHIFT), (byte) 0);
        counters.recordAllocation(granules << Granules.SHIFT);
        outcome.served(handle, sub.index);
    }

    /** Adds {@code delta} pinned blocks at the block of {@code slot} to its sub-arena's summary. */
    void countPin(int slot, int delta) {
        int global = handles.start(slot);
        SubArena sub = space.holding(global);
        int start = global - sub.base;
        sub.summary.addPin(start, sub.blocks.size(start), delta);
    }

    /** Frees the unpinned live block of {@code slot}. */
    void free(int slot) {
        int global = handles.start(slot);
        SubArena sub = space.holding(global);
        int start = global - sub.base;
        int granules = sub.blocks.size(start);
        counters.recordFree(granules << Granules.SHIFT);
        sub.summary.addLive(start, granules, -1);
        sub.tlsf.free(start);
        handles.release(slot);
    }
}
