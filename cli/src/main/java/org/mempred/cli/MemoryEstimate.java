package org.mempred.cli;

import java.util.Locale;
import org.mempred.cli.options.CommandIoException;
import org.mempred.heap.Granules;
import org.mempred.lab.trace.TraceSummary;

/**
 * How much Java heap a replay needs, from the trace's first-pass summary, so that a replay too big
 * for the JVM fails in one line before any run instead of with an {@link OutOfMemoryError} in the
 * simulator.
 *
 * <p>Where the memory goes, per concurrent run (runs = min(threads, seeds)):
 *
 * <pre>
 *   CompactingHeap arena          heapBytes                         (byte[capacity])
 *   BlockTable metadata           heapBytes / 16 granules * 5 ints  = 1.25 x heapBytes
 *   HandleTable + id maps         ~64 bytes per live block          (live blocks &lt;= peak / 16)
 * </pre>
 *
 * plus a fixed {@value #BASE_BYTES}-byte allowance for the JVM, the lab and the oracle's recorded
 * future. The estimate grows with the heap the trace needs (its peak live bytes), not with its
 * length: events are streamed from the file.
 */
final class MemoryEstimate {
    /** The JVM, the lab's classes and per-experiment records. */
    static final long BASE_BYTES = 96L << 20;

    private static final long BYTES_PER_LIVE_BLOCK = 64;
    private static final double BYTES_PER_HEAP_BYTE = 2.25;

    private MemoryEstimate() {}

    /** The bytes a replay of {@code summary} on a heap of {@code heapBytes} with {@code runs} concurrent runs needs. */
    static long bytes(TraceSummary summary, int heapBytes, int runs) {
        long liveBlocks = Math.min(summary.allocations(), summary.peakLiveBytes() / Granules.BYTES + 1);
        long perRun = (long) (heapBytes * BYTES_PER_HEAP_BYTE) + liveBlocks * BYTES_PER_LIVE_BLOCK;
        return BASE_BYTES + runs * perRun;
    }

    /**
     * Checks that the replay fits in {@code maxMemory} (the JVM's {@code Runtime.maxMemory()}).
     *
     * @throws CommandIoException naming the trace, the estimate and the setting to use otherwise
     */
    static void require(TraceSummary summary, int heapBytes, int runs, long maxMemory) {
        long needed = bytes(summary, heapBytes, runs);
        if (needed > maxMemory) {
            long suggestedGiB = (long) Math.ceil(needed * 1.25 / (1L << 30));
            throw new CommandIoException(String.format(
                    Locale.ROOT,
                    "replaying %s needs about %s of Java heap (%d concurrent run%s on a %s heap), but this JVM may use"
                            + " %s: run with MEMPRED_JAVA_OPTS=-Xmx%dg (or fewer --threads, or a smaller --heap)",
                    summary.name(),
                    mib(needed),
                    runs,
                    runs == 1 ? "" : "s",
                    mib(heapBytes),
                    mib(maxMemory),
                    Math.max(1, suggestedGiB)));
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", (bytes + (1L << 20) - 1) >> 20);
    }
}
