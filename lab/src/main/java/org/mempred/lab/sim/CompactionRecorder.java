package org.mempred.lab.sim;

import org.mempred.heap.CompactionResult;
import org.mempred.heap.HeapListener;

/**
 * Listens to the heap during one run and keeps the compaction figures: counts of direct
 * (reactive) and proactive compactions, bytes moved, virtual (model) and real (wall) time. The
 * model time of compactions since the last {@code take...} call is held apart per kind, so the
 * simulator can charge direct time to the request that caused it and proactive time to the heap
 * lock. O(1) per event, no allocation.
 */
final class CompactionRecorder implements HeapListener {
    private final CompactionCostModel costModel;
    private long direct;
    private long proactive;
    private long bytesMoved;
    private long modelNanos;
    private long wallNanos;
    private long pendingDirectNanos;
    private long pendingProactiveNanos;

    CompactionRecorder(CompactionCostModel costModel) {
        this.costModel = costModel;
    }

    @Override
    public void onCompaction(CompactionResult result) {
        long duration = costModel.durationNanos(result.bytesMoved(), result.blocksMoved());
        if (result.direct()) {
            direct++;
            pendingDirectNanos += duration;
        } else {
            proactive++;
            pendingProactiveNanos += duration;
        }
        bytesMoved += result.bytesMoved();
        modelNanos += duration;
        wallNanos += result.wallNanos();
    }

    /** Model time of direct compactions since the last call. */
    long takeDirectNanos() {
        long taken = pendingDirectNanos;
        pendingDirectNanos = 0;
        return taken;
    }

    /** Model time of proactive compactions since the last call. */
    long takeProactiveNanos() {
        long taken = pendingProactiveNanos;
        pendingProactiveNanos = 0;
        return taken;
    }

    long direct() {
        return direct;
    }

    long proactive() {
        return proactive;
    }

    long bytesMoved() {
        return bytesMoved;
    }

    /** Mean model duration in µs; NaN without compactions. */
    double meanModelMicros() {
        long count = direct + proactive;
        return count == 0 ? Double.NaN : modelNanos / 1e3 / count;
    }

    /** Mean measured wall duration in µs; NaN without compactions. */
    double meanWallMicros() {
        long count = direct + proactive;
        return count == 0 ? Double.NaN : wallNanos / 1e3 / count;
    }
}
