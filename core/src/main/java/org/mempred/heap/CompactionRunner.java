package org.mempred.heap;

import java.util.concurrent.locks.ReentrantLock;
import org.mempred.jfr.CompactionEvent;

/**
 * Runs one compaction of either form and reports it: times it, builds the
 * {@link CompactionResult} with the whole arena's figures before and after, and counts it. The
 * heap's one place where a compaction's outcome is assembled, whichever form ran, in which
 * sub-arenas, and whoever asked.
 *
 * <p>Locks: a compaction holds the lock of each sub-arena only while it works in it, so threads
 * allocating and freeing elsewhere go on; the whole arena's figures before and after, and the
 * count, are taken with every lock held for that moment ({@link SubArenas#lockAll}, reentrant).
 * The figures are therefore the arena's at the start and at the end, other threads' work between
 * included. A heap has two runners: one for the compactions asked of it ({@link #slide(long)},
 * {@link #evacuate(int, long)}, {@link #refill}), which holds its own lock through each
 * compaction — taken before any sub-arena's, so two of them never interleave — and one for the
 * direct compactions of requests ({@link #direct}), whose caller already holds every lock.
 *
 * <p>Scope: the direct compaction of a request runs in the sub-arena the request was placed in;
 * a slide or evacuation asked of the heap runs over every sub-arena in address order with one
 * shared budget, each inside its fences (a slide slides each sub-arena towards its own start; an
 * evacuation stops at the first sub-arena where it reaches its target). With one sub-arena both
 * are the plain heap's compactions.
 *
 * <p>Each compaction it counts is also recorded as a {@code mempred.Compaction} flight-recorder
 * event ({@link CompactionEvent}) when a recording has that enabled: begun where the compaction
 * starts, committed where it is counted, so the event and the count never disagree.
 */
final class CompactionRunner {
    private final SubArenas space;
    private final HeapCounters counters;
    /** Held through each compaction of the heap's runner; null for the direct one. */
    private final ReentrantLock running;
    /** The event's kind of each refill step, by ordinal. */
    private static final String[] REFILL_KINDS = {"window", "windows", "range", "full"};

    private long bytesMoved;
    private int blocksMoved;
    /** The flight-recorder event of the compaction running, null when none is recorded. */
    private CompactionEvent event;

    /**
     * A runner of the compactions asked of the heap ({@code direct} false), or of the direct
     * compactions of requests, run with every lock held ({@code direct} true); both count in the
     * heap-wide {@code counters}.
     */
    CompactionRunner(SubArenas space, HeapCounters counters, boolean direct) {
        this.space = space;
        this.counters = counters;
        this.running = direct ? null : new ReentrantLock();
    }

    /**
     * The direct compaction of a request of {@code granules} that {@code sub} could not serve: an
     * evacuation for its size and, if that fails, a slide with what is left of the budget; or the
     * slide alone. Each one is added to {@code ran}.
     */
    void direct(DirectCompaction form, SubArena sub, int granules, long budgetBytes, DirectCompactions ran) {
        if (form == DirectCompaction.SLIDE) {
            ran.add(counted(slide(sub, sub, budgetBytes, true), "slide"));
            return;
        }
        CompactionResult evacuated = counted(evacuate(sub, sub, granules, budgetBytes, true, false), "evacuate");
        ran.add(evacuated);
        if (!evacuated.succeeded()) {
            ran.add(counted(slide(sub, sub, budgetBytes - evacuated.bytesMoved(), true), "slide"));
        }
    }

    /** A slide of every sub-arena, asked of the heap. */
    CompactionResult slide(long maxBytesMoved) {
        running.lock();
        try {
            return counted(slide(space.get(0), space.get(space.count() - 1), maxBytesMoved, false), "slide");
        } finally {
            running.unlock();
        }
    }

    /** An evacuation for {@code targetGranules} in any sub-arena, asked of the heap. */
    CompactionResult evacuate(int targetGranules, long maxBytesMoved) {
        running.lock();
        try {
            return counted(
                    evacuate(space.get(0), space.get(space.count() - 1), targetGranules, maxBytesMoved, false, false),
                    "evacuate");
        } finally {
            running.unlock();
        }
    }

    /**
     * One step of the reserve's escalation for a free block of {@code targetGranules}, moving at
     * most {@code maxBytesMoved} (see {@link RefillStep}); the full slide keeps that budget too,
     * so the caller passes the one it grants. The first step is counted as a compaction whatever
     * it did, as a plain evacuation is; a dearer step only when it moved bytes or served, since a
     * plan that fails moves nothing and the escalation goes on to the next step.
     */
    CompactionResult refill(RefillStep step, int targetGranules, long maxBytesMoved) {
        running.lock();
        try {
            CompactionResult result = refillUncounted(step, targetGranules, maxBytesMoved);
            if (step == RefillStep.WINDOW || result.bytesMoved() > 0 || result.succeeded()) {
                counted(result, REFILL_KINDS[step.ordinal()]);
            } else {
                event = null;
            }
            return result;
        } finally {
            running.unlock();
        }
    }

    private CompactionResult refillUncounted(RefillStep step, int targetGranules, long maxBytesMoved) {
        SubArena first = space.get(0);
        SubArena last = space.get(space.count() - 1);
        return switch (step) {
            case WINDOW -> evacuate(first, last, targetGranules, maxBytesMoved, false, false);
            case WINDOWS -> evacuate(first, last, targetGranules, maxBytesMoved, false, true);
            case RANGE -> rangeSlide(targetGranules, maxBytesMoved);
            case FULL -> slide(first, last, maxBytesMoved, false);
        };
    }

    /** The bounded slide of the cheapest range of the first sub-arena where one serves the target. */
    private CompactionResult rangeSlide(int targetGranules, long maxBytesMoved) {
        long before = figures();
        int freeBlocksBefore = (int) (before >>> 32);
        int largestBefore = (int) before;
        long startNanos = start();
        bytesMoved = 0;
        blocksMoved = 0;
        boolean succeeded = largestBefore >= targetGranules;
        long budgetGranules = Math.min(Integer.MAX_VALUE, maxBytesMoved >>> Granules.SHIFT);
        for (int i = 0; i < space.count() && !succeeded; i++) {
            SubArena sub = space.get(i);
            sub.lock.lock();
            try {
                long range = RangeSlide.plan(sub, targetGranules, budgetGranules);
                if (range >= 0) {
                    sub.compactor.compactRange((int) (range >>> 32), (int) range, maxBytesMoved);
                    bytesMoved += sub.compactor.bytesMoved();
                    blocksMoved += sub.compactor.blocksMoved();
                    succeeded = sub.tlsf.largestFreeGranules() >= targetGranules;
                }
            } finally {
                sub.lock.unlock();
            }
        }
        long wallNanos = System.nanoTime() - startNanos;
        return report(
                CompactionResult.Kind.SLIDE,
                false,
                targetGranules << Granules.SHIFT,
                maxBytesMoved,
                succeeded,
                freeBlocksBefore,
                largestBefore,
                wallNanos);
    }

    private CompactionResult slide(SubArena first, SubArena last, long maxBytesMoved, boolean direct) {
        long before = figures();
        long startNanos = start();
        bytesMoved = 0;
        blocksMoved = 0;
        for (int i = first.index; i <= last.index; i++) {
            SubArena sub = space.get(i);
            sub.lock.lock();
            try {
                sub.compactor.compact(maxBytesMoved - bytesMoved);
                bytesMoved += sub.compactor.bytesMoved();
                blocksMoved += sub.compactor.blocksMoved();
            } finally {
                sub.lock.unlock();
            }
        }
        long wallNanos = System.nanoTime() - startNanos;
        return report(
                CompactionResult.Kind.SLIDE,
                direct,
                0,
                maxBytesMoved,
                true,
                (int) (before >>> 32),
                (int) before,
                wallNanos);
    }

    private CompactionResult evacuate(
            SubArena first, SubArena last, int targetGranules, long maxBytesMoved, boolean direct, boolean wide) {
        long before = figures();
        int freeBlocksBefore = (int) (before >>> 32);
        int largestBefore = (int) before;
        long startNanos = start();
        bytesMoved = 0;
        blocksMoved = 0;
        // over several sub-arenas, a block that already exists in any of them is the target met
        boolean succeeded = first != last && largestBefore >= targetGranules;
        for (int i = first.index; i <= last.index && !succeeded; i++) {
            SubArena sub = space.get(i);
            sub.lock.lock();
            try {
                succeeded = sub.evacuator.evacuate(targetGranules, maxBytesMoved - bytesMoved, wide);
                bytesMoved += sub.evacuator.bytesMoved();
                blocksMoved += sub.evacuator.blocksMoved();
            } finally {
                sub.lock.unlock();
            }
        }
        long wallNanos = System.nanoTime() - startNanos;
        return report(
                CompactionResult.Kind.EVACUATE,
                direct,
                targetGranules << Granules.SHIFT,
                maxBytesMoved,
                succeeded,
                freeBlocksBefore,
                largestBefore,
                wallNanos);
    }

    private CompactionResult report(
            CompactionResult.Kind kind,
            boolean direct,
            int targetBytes,
            long budgetBytes,
            boolean succeeded,
            int freeBlocksBefore,
            int largestBefore,
            long wallNanos) {
        long after = figures();
        return new CompactionResult(
                kind,
                direct,
                targetBytes,
                budgetBytes,
                succeeded,
                bytesMoved,
                blocksMoved,
                freeBlocksBefore,
                (int) (after >>> 32),
                largestBefore << Granules.SHIFT,
                (int) after << Granules.SHIFT,
                wallNanos);
    }

    /** The whole arena's free blocks (high 32 bits) and largest free block in granules (low), at one instant. */
    private long figures() {
        space.lockAll();
        try {
            return ((long) space.freeBlockCount() << 32) | space.largestFreeGranules();
        } finally {
            space.unlockAll();
        }
    }

    /** The start of a compaction: its time, and its flight-recorder event begun when one is recorded. */
    private long start() {
        event = CompactionEvent.started();
        return System.nanoTime();
    }

    /** Counts {@code result} in the heap's counters, records its event as {@code kind}, and returns it. */
    private CompactionResult counted(CompactionResult result, String kind) {
        space.lockAll();
        try {
            counters.recordCompaction(result.direct(), result.bytesMoved());
        } finally {
            space.unlockAll();
        }
        if (event != null) {
            event.finish(
                    kind,
                    result.direct(),
                    result.bytesMoved(),
                    result.blocksMoved(),
                    result.targetBytes(),
                    result.succeeded(),
                    result.largestFreeBefore(),
                    result.largestFreeAfter());
            event = null;
        }
        return result;
    }
}
