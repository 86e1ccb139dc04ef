package org.mempred.heap;

import java.util.Arrays;
import org.mempred.jfr.OomEvent;

/**
 * The request path of a heap, run under its lock: serves an {@link AllocationRequest} in the
 * design's order and frees blocks. Split from {@link CompactingHeap}, which checks arguments,
 * takes the lock and answers queries.
 *
 * <pre>
 *  allocate: TLSF of each sub-arena in turn -- none --&gt; direct compaction in the first with enough
 *            free bytes (MAY_COMPACT) --&gt; TLSF there again -- none --&gt; OOM event (fragmentation | exhaustion)
 *            then, served or not: the reserve's wake-up check
 *  where:    sub-arena 0 by TLSF's good fit, or with placement by lifetime the fitting block
 *            nearest the predicted class's span ({@link LifetimeSpans})
 * </pre>
 *
 * <p>Cost: O(1) TLSF operations, the live summary's O(size / 1 KiB) update and the zero-fill when on,
 * plus a direct compaction when one runs; nothing is allocated unless a compaction runs (its
 * {@link CompactionResult}) or a flight recording takes an OOM event ({@link OomEvent}).
 */
final class Allocator {
    private final byte[] arena;
    private final HandleTable handles;
    private final SubArenas space;
    private final CompactionRunner runner;
    private final HeapCounters counters;
    private final Reserve reserve;
    private final int directCompactionBudgetBytes;
    private final boolean zeroFill;
    /** Placement by predicted lifetime, or null: every request goes to sub-arena 0 (plain TLSF). */
    private LifetimeSpans spans;

    Allocator(
            byte[] arena,
            HandleTable handles,
            SubArenas space,
            CompactionRunner runner,
            HeapCounters counters,
            Reserve reserve,
            int directCompactionBudgetBytes,
            boolean zeroFill) {
        this.arena = arena;
        this.handles = handles;
        this.space = space;
        this.runner = runner;
        this.counters = counters;
        this.reserve = reserve;
        this.directCompactionBudgetBytes = directCompactionBudgetBytes;
        this.zeroFill = zeroFill;
    }

    /** Turns placement by lifetime on ({@code lifetimeSpans}) or off ({@code null}). */
    void place(LifetimeSpans lifetimeSpans) {
        this.spans = lifetimeSpans;
    }

    LifetimeSpans spans() {
        return spans;
    }

    /** Serves {@code request} (its size already checked) and fills its outcome. */
    Allocation allocate(AllocationRequest request, DirectCompaction form) {
        Allocation outcome = request.outcome();
        outcome.reset();
        int sizeBytes = request.sizeBytes();
        int granules = Granules.of(sizeBytes);
        counters.recordRequest(sizeBytes);
        serve(request, granules, form, outcome);
        if (reserve.shouldWake()) {
            outcome.raiseWakeup();
        }
        return outcome;
    }

    /**
     * The design's order: TLSF (or, with placement by lifetime, the fitting block nearest the
     * predicted class's span, {@link LifetimeSpans}) in each sub-arena in turn; when none has a
     * block, direct compaction in the first sub-arena with enough free bytes (MAY_COMPACT), then
     * the same there again; else an OOM event.
     */
    private void serve(AllocationRequest request, int granules, DirectCompaction form, Allocation outcome) {
        int c = -1;
        if (spans != null) {
            c = spans.predict(request);
            outcome.predicted(c);
        }
        for (int i = 0; i < space.count(); i++) {
            SubArena sub = space.get(i);
            int start = take(sub, granules, c);
            if (start != BlockTable.NIL) {
                placeBlock(sub, start, granules, c, request, outcome);
                return;
            }
        }
        if (request.mode() == AllocationMode.MAY_COMPACT) {
            for (int i = 0; i < space.count(); i++) {
                SubArena sub = space.get(i);
                if (sub.tlsf.freeGranules() >= granules) {
                    runner.direct(form, sub, granules, directCompactionBudgetBytes, outcome.direct());
                    int start = take(sub, granules, c);
                    if (start != BlockTable.NIL) {
                        placeBlock(sub, start, granules, c, request, outcome);
                        return;
                    }
                    break;
                }
            }
        }
        fail(request, granules, outcome);
    }

    private int take(SubArena sub, int granules, int c) {
        return spans == null ? sub.tlsf.allocate(granules) : spans.allocate(sub, granules, c);
    }

    private void placeBlock(
            SubArena sub, int start, int granules, int c, AllocationRequest request, Allocation outcome) {
        place(sub, start, granules, request.sizeBytes(), outcome);
        if (spans != null) {
            spans.placed(Handles.slot(outcome.handle()), sub, start, c, request);
        }
    }

    /** Counts the OOM event of {@code request}, records it for the flight recorder when enabled, and fills its outcome. */
    private void fail(AllocationRequest request, int granules, Allocation outcome) {
        int free = space.freeGranules();
        OomKind kind = free >= granules ? OomKind.FRAGMENTATION : OomKind.EXHAUSTION;
        counters.recordOom(kind, request.sizeBytes());
        if (OomEvent.enabled()) {
            OomEvent.emit(
                    request.sizeBytes(),
                    kind == OomKind.FRAGMENTATION ? "fragmentation" : "exhaustion",
                    request.mode() == AllocationMode.ATOMIC,
                    (long) free << Granules.SHIFT,
                    (long) space.largestFreeGranules() << Granules.SHIFT);
        }
        outcome.failed(kind);
    }

    /** Makes the free block TLSF just took at {@code start} of {@code sub} a live block, zero-filled when the heap says so. */
    private void place(SubArena sub, int start, int granules, int sizeBytes, Allocation outcome) {
        long handle = handles.acquire(sub.base + start, sizeBytes);
        sub.blocks.setOwner(start, Handles.slot(handle));
        sub.summary.addLive(start, granules, 1);
        if (zeroFill) {
            int from = (sub.base + start) << Granules.SHIFT;
            Arrays.fill(arena, from, from + (granules << Granules.SHIFT), (byte) 0);
        }
        counters.recordAllocation(granules << Granules.SHIFT);
        outcome.served(handle, sub.index);
    }

    /** Pins the live block of {@code slot} once more. */
    void pin(int slot) {
        if (!handles.isPinned(slot)) {
            countPin(slot, 1);
        }
        handles.pin(slot);
    }

    /** Drops one pin of the block of {@code slot} ({@code handle} names it in the message). */
    void unpin(long handle, int slot) {
        if (!handles.isPinned(slot)) {
            throw new IllegalStateException("cannot unpin handle " + Handles.format(handle) + ": block is not pinned");
        }
        handles.unpin(slot);
        if (!handles.isPinned(slot)) {
            countPin(slot, -1);
        }
    }

    /** Adds {@code delta} pinned blocks at the block of {@code slot} to its sub-arena's summary. */
    private void countPin(int slot, int delta) {
        int global = handles.start(slot);
        SubArena sub = space.holding(global);
        int start = global - sub.base;
        sub.summary.addPin(start, sub.blocks.size(start), delta);
    }

    /** Frees the unpinned live block of {@code slot} at the caller's time {@code nowNanos}. */
    void free(int slot, long nowNanos) {
        int global = handles.start(slot);
        SubArena sub = space.holding(global);
        int start = global - sub.base;
        int granules = sub.blocks.size(start);
        int sizeBytes = handles.size(slot);
        counters.recordFree(granules << Granules.SHIFT);
        sub.summary.addLive(start, granules, -1);
        sub.tlsf.free(start);
        handles.release(slot);
        if (spans != null) {
            spans.advanceTo(nowNanos);
            spans.freed(slot, sizeBytes);
        }
    }
}
