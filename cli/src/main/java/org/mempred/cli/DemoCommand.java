package org.mempred.cli;

import java.io.PrintWriter;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.mempred.cli.options.HeapOption;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.CompactionResult;
import org.mempred.heap.Granules;
import org.mempred.heap.Handles;
import org.mempred.heap.HeapMap;
import org.mempred.heap.HeapStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A small tour of the heap: churn a heap with seeded random allocations and frees until it is
 * fragmented, show the map and the figures, compact it, and show them again. Every figure printed
 * is measured on this run.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Fragment a heap with seeded random churn, then compact it, printing the map and measured figures.")
final class DemoCommand implements Callable<Integer> {
    private static final int MAP_WIDTH = 64;

    @Spec
    private CommandSpec spec;

    @Mixin
    private HeapOption heapSize = new HeapOption();

    @Option(names = "--seed", description = "Seed of the random churn (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    private long seed;

    @Option(
            names = "--operations",
            description = "Allocate/free operations of churn (default: ${DEFAULT-VALUE}).",
            defaultValue = "20000")
    private int operations;

    @Override
    public Integer call() {
        int capacity = heapSize.bytes();
        if (operations < 0) {
            throw new IllegalArgumentException("--operations=" + operations + " must be >= 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        CompactingHeap heap = new CompactingHeap(capacity);
        churn(heap);
        out.printf("mempred demo: heap %d bytes, seed %d, %d operations of churn%n%n", capacity, seed, operations);
        out.println("after churn   [" + HeapMap.render(heap, MAP_WIDTH) + "]");
        print(out, heap.stats());
        CompactionResult result = heap.compact();
        out.println();
        out.println("after compact [" + HeapMap.render(heap, MAP_WIDTH) + "]");
        print(out, heap.stats());
        out.printf(
                "compaction: %d bytes in %d blocks moved, free blocks %d -> %d, largest free %d -> %d bytes, %.1f us%n",
                result.bytesMoved(),
                result.blocksMoved(),
                result.freeBlocksBefore(),
                result.freeBlocksAfter(),
                result.largestFreeBefore(),
                result.largestFreeAfter(),
                result.wallNanos() / 1e3);
        out.println("legend: # used  . free  + both  P pinned");
        heap.invariants();
        return 0;
    }

    /** Random churn towards ~85 % occupancy: a kernel-like size mix, transient pins on a few blocks. */
    private void churn(CompactingHeap heap) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] live = new long[heap.capacityBytes() / Granules.BYTES];
        int count = 0;
        for (int i = 0; i < operations; i++) {
            boolean grow = heap.pressure() < 0.85 && (count == 0 || random.nextInt(100) < 55);
            if (grow) {
                int size = random.nextInt(10) < 9 ? 16 + random.nextInt(497) : 1024 + random.nextInt(7 * 1024 + 1);
                long h = heap.tryAllocate(Math.min(size, heap.capacityBytes()), AllocationMode.ATOMIC);
                if (h != Handles.NONE) {
                    live[count++] = h;
                    if (random.nextInt(100) == 0) {
                        heap.pin(h);
                    }
                }
            } else if (count > 0) {
                int index = random.nextInt(count);
                if (heap.isPinned(live[index])) {
                    heap.unpin(live[index]); // pins are transient: released the next time the block is picked
                } else {
                    heap.free(live[index]);
                    live[index] = live[--count];
                }
            }
        }
    }

    private static void print(PrintWriter out, HeapStats stats) {
        out.printf(
                "  used %d / %d bytes (pressure %.1f %%), %d live blocks (%d pinned), %d free blocks,"
                        + " largest free %d bytes, fragmentation %.3f, failed atomic allocations %d%n",
                stats.usedBytes(),
                stats.capacityBytes(),
                100 * stats.pressure(),
                stats.liveBlocks(),
                stats.pinnedBlocks(),
                stats.freeBlocks(),
                stats.largestFreeBytes(),
                stats.fragmentation(),
                stats.oomEvents());
    }
}
