package org.mempred.lab.sim;

import org.mempred.heap.CompactionResult;
import org.mempred.heap.HeapListener;

/**
 * Listens to the heap during one run and keeps the run's compaction totals: counts of direct
 * (reactive) and proactive compactions, bytes moved, virtual (model) and real (wall) time. What a
 * compaction costs the request or tick that ran it does not come from here: the simulator gets
 * each compaction back from the operation that ran it (the allocation's {@code DirectCompactions},
 * the governor's returned result) and prices it with {@link #modelNanos}. O(1) per event, no
 * allocation.
 */
final class CompactionRecorder implements HeapListener {
    private final CompactionCostModel costModel;
    private long direct;
    private long proactive;
    private long bytesMoved;
    private long modelNanos;
    private long wallNanos;

    CompactionRecorder(CompactionCostModel costModel) {
        this.costModel = costModel;
    }

    @Override
    public void onCompaction(CompactionResult result) {
        if (result.direct()) {
            direct++;
        } else {
            proactive++;
        }
        bytesMoved += result.bytesMoved();
        modelNanos += modelNanos(result);
        wallNanos += result.wallNanos();
    }

    /** The virtual duration of {@code result} under the run's cost model. */
    long modelNanos(CompactionResult result) {
        return costModel.durationNanos(result.bytesMoved(), result.blocksMoved());
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
