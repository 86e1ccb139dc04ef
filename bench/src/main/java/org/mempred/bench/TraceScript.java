package org.mempred.bench;

import com.carrotsearch.hppc.LongIntHashMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.mempred.lab.trace.TraceReader;
import org.mempred.lab.workload.EventKind;
import org.mempred.lab.workload.HeapEvent;
import org.mempred.lab.workload.IdMaps;

/**
 * A shipped {@code mempred-trace} file read once into arrays, so that a replay measures the
 * allocator and not the parser: the trace's sizes and lifetimes, with its ids renamed to dense
 * slots (a slot is reused after its block is freed, as the trace reuses ids).
 *
 * <pre>
 *   event i:  ops[i] = slot &lt;&lt; 1 | 1   free the block in slot
 *             ops[i] = slot &lt;&lt; 1       allocate sizes[i] bytes into slot
 * </pre>
 *
 * Times and allocation sites are dropped: the replay runs the events back to back. Frees of ids the trace never
 * allocated are skipped by {@link TraceReader} and are not events here.
 */
final class TraceScript {
    private final int[] ops;
    private final int[] sizes;
    private final int slots;
    private final long peakLiveBytes;
    private final int maxRequestBytes;

    private TraceScript(int[] ops, int[] sizes, int slots, long peakLiveBytes, int maxRequestBytes) {
        this.ops = ops;
        this.sizes = sizes;
        this.slots = slots;
        this.peakLiveBytes = peakLiveBytes;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** Reads {@code traces/NAME.trace.gz} (or {@code -Dmempred.traces=DIR}). */
    static TraceScript load(String name) {
        Path file = tracesDir().resolve(name + ".trace.gz");
        int[] ops = new int[1 << 16];
        int[] sizes = new int[1 << 16];
        int events = 0;
        LongIntHashMap slotOfId = IdMaps.toInt();
        int[] freeSlots = new int[1 << 10];
        int freeCount = 0;
        int slots = 0;
        long live = 0;
        long peakLive = 0;
        int maxRequest = 0;
        int[] slotSize = new int[1 << 10];
        try (TraceReader reader = TraceReader.open(file)) {
            while (reader.next()) {
                HeapEvent event = reader.event();
                if (events == ops.length) {
                    ops = Arrays.copyOf(ops, events * 2);
                    sizes = Arrays.copyOf(sizes, events * 2);
                }
                if (event.kind() == EventKind.ALLOCATE) {
                    int slot;
                    if (freeCount > 0) {
                        slot = freeSlots[--freeCount];
                    } else {
                        slot = slots++;
                        if (slot == slotSize.length) {
                            slotSize = Arrays.copyOf(slotSize, slot * 2);
                            freeSlots = Arrays.copyOf(freeSlots, slot * 2);
                        }
                    }
                    slotOfId.put(event.id(), slot);
                    int size = event.sizeBytes();
                    slotSize[slot] = size;
                    live += size;
                    peakLive = Math.max(peakLive, live);
                    maxRequest = Math.max(maxRequest, size);
                    ops[events] = slot << 1;
                    sizes[events] = size;
                } else if (event.kind() == EventKind.FREE) {
                    int slot = slotOfId.remove(event.id());
                    live -= slotSize[slot];
                    freeSlots[freeCount++] = slot;
                    ops[events] = slot << 1 | 1;
                } else {
                    continue;
                }
                events++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TraceScript(Arrays.copyOf(ops, events), Arrays.copyOf(sizes, events), slots, peakLive, maxRequest);
    }

    /**
     * Replays every event into {@code into} (which must have {@link #slots()} empty slots), then
     * frees what the trace left live.
     *
     * @return the allocations that failed
     */
    long replay(PeerSlots into) {
        long failed = 0;
        int[] ops = this.ops;
        int[] sizes = this.sizes;
        for (int i = 0; i < ops.length; i++) {
            int op = ops[i];
            if ((op & 1) != 0) {
                into.free(op >>> 1);
            } else if (!into.allocate(op >>> 1, sizes[i])) {
                failed++;
            }
        }
        into.freeAll();
        return failed;
    }

    /** Events (allocations and frees) of one replay. */
    int events() {
        return ops.length;
    }

    /** Slots a replay needs: the trace's largest number of blocks live at once. */
    int slots() {
        return slots;
    }

    /** Largest sum of live request sizes (not rounded) over the trace. */
    long peakLiveBytes() {
        return peakLiveBytes;
    }

    /** Largest single request. */
    int maxRequestBytes() {
        return maxRequestBytes;
    }

    static Path tracesDir() {
        String configured = System.getProperty("mempred.traces");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path candidate : new Path[] {Path.of("traces"), Path.of("..", "traces")}) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new UncheckedIOException(new IOException(
                "no traces/ directory here: run from the repository root or pass -Dmempred.traces=DIR"));
    }
}
