package org.mempred.heap;

import java.util.Arrays;
import org.mempred.jfr.OomEvent;

/**
 * The request path of a heap: serves an {@link AllocationRequest} in the design's order and frees
 * blocks, each step under the locks it needs. Split from {@link CompactingHeap}, which checks
 * arguments and answers queries.
 *
 * <pre>
 *  allocate: TLSF of the thread's home sub-arena            (its lock)
 *            -- none --&gt; TLSF of the sub-arenas after it in turn  (its lock, one at a time)
 *            -- none --&gt; every lock: TLSF of each sub-arena again, then direct compaction in the first
 *                      with enough free bytes (MAY_COMPACT) --&gt; TLSF there again -- none --&gt; OOM event
 *                      (fragmentation | exhaustion, from the whole arena's free bytes)
 *            then, served or not and when a reserve is set: the reserve's wake-up check (every lock)
 *  where:    by TLSF's good fit, or with placement by lifetime the fitting block nearest the
 *            predicted class's span ({@link LifetimeSpans})
 *  free:     the lock of the block's sub-arena
 * </pre>
 *
 * <p>Why every lock before the failure: a request fails, and is classified, only when no
 * sub-arena can serve it at one instant, so the OOM event and its kind are exact whatever other
 * threads do; and direct compaction picks its sub-arena from the whole arena's figures. Both are
 * the rare path: a request any sub-arena can serve takes one lock at a time. With one sub-arena,
 * its lock is every lock, and the request path is the heap of one lock.
 *
 * <p>Cost: O(1) TLSF operations, the live summary's O(size / 1 KiB) update and the zero-fill when on,
 * plus a direct compaction when one runs; nothing is allocated unless a compaction runs (its
 * {@link CompactionResult}) or a flight recording takes an OOM event ({@link OomEvent}).
 */
final class Allocator {
    private final byte[] arena;
    private final SubArenas space;
    private final CompactionRunner runner;
    private final Reserve reserve;
    private final int directCompactionBudgetBytes;
    private final boolean zeroFill;
    /** Placement by predicted lifetime, or null: every request goes by plain TLSF; set on an empty heap. */
    private volatile LifetimeSpans spans;

    Allocator(
            byte[] arena,
            SubArenas space,
            CompactionRunner runner,
            Reserve reserve,
            int directCompactionBudgetBytes,
            boolean zeroFill) {
        this.arena = arena;
        this.space = space;
        this.runner = runner;
        this.reserve = reserve;
        this.directCompactionBudgetBytes = directCompactionBudgetBytes;
        this.zeroFill = zeroFill;
    }

    /** Turns placement by lifetime on ({@code lifetimeSpans}) or off ({@code null}); with every lock held. */
    void place(LifetimeSpans lifetimeSpans) {
        this.spans = lifetimeSpans;
    }

    LifetimeSpans spans() {
        return spans;
    }

    /**
     * The shorthand's path: a block of {@code sizeBytes} from the calling thread's home sub-arena
     * by plain TLSF, counted as a served request; {@link Handles#NONE}, with nothing counted, when
     * placement by lifetime is on, the home has no fitting block, or a reserve is set — the caller
     * then makes the request in full ({@link #allocate}).
     */
    long allocateAtHome(int sizeBytes) {
        if (spans != null || reserve.isSet()) {
            return Handles.NONE;
        }
        int granules = Granules.of(sizeBytes);
        SubArena home = space.lockHome();
        try {
            int start = home.tlsf.allocate(granules);
            if (start == BlockTable.NIL) {
                return Handles.NONE;
            }
            home.counters.recordRequest(sizeBytes);
            return place(home, start, granules, sizeBytes);
        } finally {
            home.lock.unlock();
        }
    }

    /** Serves {@code request} (its size already checked) and fills its outcome. */
    Allocation allocate(AllocationRequest request, DirectCompaction form) {
        Allocation outcome = request.outcome();
        outcome.reset();
        int sizeBytes = request.sizeBytes();
        int granules = Granules.of(sizeBytes);
        LifetimeSpans placing = spans;
        int c = -1;
        if (placing != null) {
            c = placing.predict(request);
            outcome.predicted(c);
        }
        SubArena home = space.lockHome();
        try {
            home.counters.recordRequest(sizeBytes);
            if (serveIn(home, granules, c, request, outcome) && space.count() == 1) {
                checkWake(outcome); // the one sub-arena's lock is every lock
                return outcome;
            }
        } finally {
            home.lock.unlock();
        }
        if (outcome.succeeded() || serveElsewhere(home, granules, c, request, outcome)) {
            if (reserve.isSet()) {
                space.lockAll();
                try {
                    checkWake(outcome);
                } finally {
                    space.unlockAll();
                }
            }
        } else {
            serveOrFail(granules, c, request, form, outcome);
        }
        return outcome;
    }

    /**
     * TLSF of each sub-arena after {@code home}, in index order around the ring, each under its own
     * lock; whether one served. Threads whose homes fill thus spill to different sub-arenas.
     */
    private boolean serveElsewhere(SubArena home, int granules, int c, AllocationRequest request, Allocation outcome) {
        int count = space.count();
        for (int i = 1; i < count; i++) {
            SubArena sub = space.get((home.index + i) % count);
            sub.lock.lock();
            try {
                if (serveIn(sub, granules, c, request, outcome)) {
                    return true;
                }
            } finally {
                sub.lock.unlock();
            }
        }
        return false;
    }

    /**
     * With every lock held, the design's order: TLSF in each sub-arena in turn; when none has a
     * block, direct compaction in the first sub-arena with enough free bytes (MAY_COMPACT), then
     * the same there again; else an OOM event. Then the reserve's wake-up check.
     */
    private void serveOrFail(
            int granules, int c, AllocationRequest request, DirectCompaction form, Allocation outcome) {
        space.lockAll();
        try {
            if (!serveAnywhere(granules, c, request, form, outcome)) {
                fail(request, granules, outcome);
            }
            checkWake(outcome);
        } finally {
            space.unlockAll();
        }
    }

    private boolean serveAnywhere(
            int granules, int c, AllocationRequest request, DirectCompaction form, Allocation outcome) {
        for (int i = 0; i < space.count(); i++) {
            if (serveIn(space.get(i), granules, c, request, outcome)) {
                return true;
            }
        }
        if (request.mode() == AllocationMode.MAY_COMPACT) {
            for (int i = 0; i < space.count(); i++) {
                SubArena sub = space.get(i);
                if (sub.tlsf.freeGranules() >= granules) {
                    runner.direct(form, sub, granules, directCompactionBudgetBytes, outcome.direct());
                    return serveIn(sub, granules, c, request, outcome);
                }
            }
        }
        return false;
    }

    /** With every lock held: raises the reserve's wake-up in {@code outcome} when one is due. */
    private void checkWake(Allocation outcome) {
        if (reserve.shouldWake()) {
            outcome.raiseWakeup();
        }
    }

    /** Under {@code sub}'s lock: places the request there when a block fits, and says whether it did. */
    private boolean serveIn(SubArena sub, int granules, int c, AllocationRequest request, Allocation outcome) {
        LifetimeSpans placing = spans;
        int start = placing == null ? sub.tlsf.allocate(granules) : placing.allocate(sub, granules, c);
        if (start == BlockTable.NIL) {
            return false;
        }
        long handle = place(sub, start, granules, request.sizeBytes());
        outcome.served(handle, sub.index);
        if (placing != null) {
            placing.placed(Handles.slot(handle), sub, start, c, request);
        }
        return true;
    }

    /** With every lock held: counts the OOM event of {@code request}, records it for the flight recorder when enabled, and fills its outcome. */
    private void fail(AllocationRequest request, int granules, Allocation outcome) {
        int free = space.freeGranules();
        OomKind kind = free >= granules ? OomKind.FRAGMENTATION : OomKind.EXHAUSTION;
        space.heapWide.recordOom(kind, request.sizeBytes());
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

    /** Makes the free block TLSF just took at {@code start} of {@code sub} a live block, zero-filled when the heap says so; returns its handle. */
    private long place(SubArena sub, int start, int granules, int sizeBytes) {
        long handle = sub.handles.acquire(sub.base + start, sizeBytes);
        sub.blocks.setOwner(start, Handles.slot(handle) - sub.base);
        sub.summary.addLive(start, granules, 1);
        if (zeroFill) {
            int from = (sub.base + start) << Granules.SHIFT;
            Arrays.fill(arena, from, from + (granules << Granules.SHIFT), (byte) 0);
        }
        sub.counters.recordAllocation(granules << Granules.SHIFT);
        return handle;
    }

    /** Under {@code sub}'s lock: pins the live block of local {@code slot} once more. */
    void pin(SubArena sub, int slot) {
        if (!sub.handles.isPinned(slot)) {
            countPin(sub, slot, 1);
        }
        sub.handles.pin(slot);
    }

    /** Under {@code sub}'s lock: drops one pin of the block of local {@code slot} ({@code handle} names it in the message). */
    void unpin(SubArena sub, long handle, int slot) {
        if (!sub.handles.isPinned(slot)) {
            throw new IllegalStateException("cannot unpin handle " + Handles.format(handle) + ": block is not pinned");
        }
        sub.handles.unpin(slot);
        if (!sub.handles.isPinned(slot)) {
            countPin(sub, slot, -1);
        }
    }

    /** Adds {@code delta} pinned blocks at the block of {@code slot} to its sub-arena's summary. */
    private static void countPin(SubArena sub, int slot, int delta) {
        int start = sub.handles.start(slot) - sub.base;
        sub.summary.addPin(start, sub.blocks.size(start), delta);
    }

    /** Under {@code sub}'s lock: frees the unpinned live block of {@code handle} (local {@code slot}) at the caller's time {@code nowNanos}. */
    void free(SubArena sub, long handle, int slot, long nowNanos) {
        HandleTable handles = sub.handles;
        int start = handles.start(slot) - sub.base;
        int granules = sub.blocks.size(start);
        int sizeBytes = handles.size(slot);
        sub.counters.recordFree(granules << Granules.SHIFT);
        sub.summary.addLive(start, granules, -1);
        sub.tlsf.free(start);
        handles.release(slot);
        LifetimeSpans placing = spans;
        if (placing != null) {
            placing.freed(Handles.slot(handle), nowNanos, sizeBytes);
        }
    }
}
