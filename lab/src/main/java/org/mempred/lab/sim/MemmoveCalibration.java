package org.mempred.lab.sim;

import java.util.Arrays;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.CompactionResult;
import org.mempred.heap.Granules;

/**
 * Measures the {@link CompactionCostModel}'s parameters with repeated timed runs and medians
 * (robust to a noisy 2-core VM): the fixed cost is a full compaction that has nothing to move,
 * the rate an overlapping {@code System.arraycopy} of 100 KiB, the same primitive the heap's
 * compactor uses.
 */
final class MemmoveCalibration {
    private static final int BYTES = CompactingHeap.DEFAULT_CAPACITY_BYTES;
    private static final int WARMUP = 2_000;
    private static final int SAMPLES = 201;

    private MemmoveCalibration() {}

    static CompactionCostModel measure() {
        long fixed = fixedNanos();
        double rate = bytesPerNano();
        return new CompactionCostModel(fixed, perBlockNanos(fixed, rate), rate);
    }

    /** Full compactions of a heap of alternating free and live 16-byte blocks, less the other terms. */
    private static double perBlockNanos(long fixed, double rate) {
        long[] samples = new long[SAMPLES / 4];
        double blocks = 1;
        for (int i = -WARMUP / 20; i < samples.length; i++) {
            CompactingHeap heap = checkerboard();
            CompactionResult result = heap.compact();
            blocks = result.blocksMoved();
            double excess = result.wallNanos() - fixed - result.bytesMoved() / rate;
            if (i >= 0) {
                samples[i] = Math.max(0, Math.round(excess * 1000 / blocks));
            }
        }
        return median(samples) / 1000.0;
    }

    private static CompactingHeap checkerboard() {
        CompactingHeap heap = new CompactingHeap(BYTES);
        long[] handles = new long[BYTES / Granules.BYTES];
        for (int i = 0; i < handles.length; i++) {
            handles[i] = heap.allocate(Granules.BYTES, AllocationMode.ATOMIC);
        }
        for (int i = 0; i < handles.length; i += 2) {
            heap.free(handles[i]);
        }
        return heap;
    }

    private static long fixedNanos() {
        CompactingHeap heap = new CompactingHeap(BYTES);
        for (int i = 0; i < WARMUP; i++) {
            heap.compact();
        }
        long[] samples = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            samples[i] = heap.compact().wallNanos();
        }
        return median(samples);
    }

    private static double bytesPerNano() {
        byte[] arena = new byte[BYTES + 64];
        for (int i = 0; i < WARMUP; i++) {
            System.arraycopy(arena, 64, arena, 0, BYTES);
        }
        long[] samples = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            System.arraycopy(arena, 64, arena, 0, BYTES);
            samples[i] = Math.max(1, System.nanoTime() - start);
        }
        return (double) BYTES / median(samples);
    }

    private static long median(long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
