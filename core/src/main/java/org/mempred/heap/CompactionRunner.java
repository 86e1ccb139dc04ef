package org.mempred.heap;

/**
 * Runs one compaction of either form under the heap's lock and reports it: times it, builds the
 * {@link CompactionResult}, counts it, and tells the listener. The heap's one place where a
 * compaction's outcome is assembled, whichever form ran and whoever asked.
 */
final class CompactionRunner {
    private final Compactor compactor;
    private final Evacuator evacuator;
    private final Tlsf tlsf;
    private final HeapCounters counters;

    CompactionRunner(Compactor compactor, Evacuator evacuator, Tlsf tlsf, HeapCounters counters) {
        this.compactor = compactor;
        this.evacuator = evacuator;
        this.tlsf = tlsf;
        this.counters = counters;
    }

    /**
     * The direct compaction of a request of {@code granules} that TLSF could not serve: an
     * evacuation for its size and, if that fails, a slide with what is left of the budget; or the
     * slide alone. Each one is added to {@code ran}.
     */
    void direct(DirectCompaction form, int granules, long budgetBytes, HeapListener listener, DirectCompactions ran) {
        if (form == DirectCompaction.SLIDE) {
            ran.add(slide(budgetBytes, true, listener));
            return;
        }
        CompactionResult evacuated = evacuate(granules, budgetBytes, true, listener);
        ran.add(evacuated);
        if (!evacuated.succeeded()) {
            ran.add(slide(budgetBytes - evacuated.bytesMoved(), true, listener));
        }
    }

    CompactionResult slide(long maxBytesMoved, boolean direct, HeapListener listener) {
        int freeBlocksBefore = tlsf.freeBlockCount();
        int largestBefore = tlsf.largestFreeGranules();
        long startNanos = System.nanoTime();
        compactor.compact(maxBytesMoved);
        long wallNanos = System.nanoTime() - startNanos;
        return report(
                new CompactionResult(
                        CompactionResult.Kind.SLIDE,
                        direct,
                        0,
                        maxBytesMoved,
                        true,
                        compactor.bytesMoved(),
                        compactor.blocksMoved(),
                        freeBlocksBefore,
                        tlsf.freeBlockCount(),
                        largestBefore << Granules.SHIFT,
                        tlsf.largestFreeGranules() << Granules.SHIFT,
                        wallNanos),
                listener);
    }

    CompactionResult evacuate(int targetGranules, long maxBytesMoved, boolean direct, HeapListener listener) {
        int freeBlocksBefore = tlsf.freeBlockCount();
        int largestBefore = tlsf.largestFreeGranules();
        long startNanos = System.nanoTime();
        boolean succeeded = evacuator.evacuate(targetGranules, maxBytesMoved);
        long wallNanos = System.nanoTime() - startNanos;
        return report(
                new CompactionResult(
                        CompactionResult.Kind.EVACUATE,
                        direct,
                        targetGranules << Granules.SHIFT,
                        maxBytesMoved,
                        succeeded,
                        evacuator.bytesMoved(),
                        evacuator.blocksMoved(),
                        freeBlocksBefore,
                        tlsf.freeBlockCount(),
                        largestBefore << Granules.SHIFT,
                        tlsf.largestFreeGranules() << Granules.SHIFT,
                        wallNanos),
                listener);
    }

    private CompactionResult report(CompactionResult result, HeapListener listener) {
        counters.recordCompaction(result.direct(), result.bytesMoved());
        listener.onCompaction(result);
        return result;
    }
}
