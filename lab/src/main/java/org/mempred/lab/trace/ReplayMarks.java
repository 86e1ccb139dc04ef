package org.mempred.lab.trace;

import org.mempred.heap.CompactingHeap;
import org.mempred.lab.workload.StressorConfig;

/**
 * What a trace does not record but the heap model needs, added by {@link ReplayStream} exactly
 * as the stressor adds it: a share of allocations is {@code atomic} (may not wait for compaction),
 * and a share is pinned right after allocation for an exponentially distributed time.
 *
 * @param atomicShare share of allocations marked atomic, in [0, 1]
 * @param pinShare share of allocations pinned right after allocation, in [0, 1]
 * @param meanPinNanos mean pin duration in replayed time (exponential), positive
 */
public record ReplayMarks(double atomicShare, double pinShare, long meanPinNanos) {

    /** Checks the shares and the duration, naming the bad value. */
    public ReplayMarks {
        if (!(atomicShare >= 0.0 && atomicShare <= 1.0) || !(pinShare >= 0.0 && pinShare <= 1.0)) {
            throw new IllegalArgumentException(
                    "atomicShare=" + atomicShare + " and pinShare=" + pinShare + " must be in [0, 1]");
        }
        if (meanPinNanos <= 0) {
            throw new IllegalArgumentException("meanPinNanos=" + meanPinNanos + " must be positive");
        }
    }

    /** The same shares and pin duration as {@code stressor}. */
    public static ReplayMarks of(StressorConfig stressor) {
        return new ReplayMarks(stressor.atomicShare(), stressor.pinShare(), stressor.meanPinNanos());
    }

    /** The default stressor's marks ({@link StressorConfig#kernel}); its pressure and size do not matter here. */
    public static ReplayMarks stressorDefaults() {
        return of(StressorConfig.kernel(0.5, CompactingHeap.DEFAULT_CAPACITY_BYTES));
    }
}
