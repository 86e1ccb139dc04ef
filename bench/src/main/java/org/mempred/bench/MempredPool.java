package org.mempred.bench;

import java.util.Arrays;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.ArenaLayout;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.DirectCompaction;
import org.mempred.heap.Granules;
import org.mempred.heap.Handles;
import org.mempred.heap.HeapStats;

/**
 * mempred's side of the peer benchmarks: one {@link CompactingHeap} with the default 16 KiB
 * direct-compaction budget and {@link DirectCompaction#EVACUATE} (the {@code reactive} policy's
 * form), every request {@link AllocationMode#MAY_COMPACT}, so a request TLSF cannot serve runs an
 * evacuation before it fails. The arena is cut into one sub-arena per benchmark thread
 * ({@link ArenaLayout#even}): each has its own lock, and a thread allocates in its home sub-arena
 * and frees through the lock of its block's one, so threads meet only when one fills its home.
 * With one thread it is the plain heap of one lock. Each thread has its own slots. New blocks are
 * zero-filled or not as the benchmark's {@code zeroFill} says ({@link org.mempred.heap.HeapBuilder#zeroFill}).
 */
final class MempredPool implements PeerPool {
    private final CompactingHeap heap;

    MempredPool(int capacityBytes, boolean zeroFill, int subArenas) {
        heap = CompactingHeap.builder(ArenaLayout.even(capacityBytes, subArenas))
                .directCompactionBudgetBytes(CompactingHeap.DEFAULT_DIRECT_COMPACTION_BUDGET_BYTES)
                .directCompaction(DirectCompaction.EVACUATE)
                .zeroFill(zeroFill)
                .build();
    }

    /** The heap, for a caller that compacts it beside the threads using the slots. */
    CompactingHeap heap() {
        return heap;
    }

    @Override
    public PeerSlots slots(int count) {
        return new Slots(heap, count);
    }

    @Override
    public long heldBytes() {
        return heap.capacityBytes();
    }

    /** As the heap documents it: 20 B per granule (block and slot records), one bit (block starts), 1/128 B (live summary). */
    @Override
    public long metadataBytes() {
        long granules = heap.capacityBytes() / Granules.BYTES;
        return granules * 20 + granules / 8 + granules / 128;
    }

    @Override
    public String describe() {
        HeapStats stats = heap.stats();
        return "mempred" + (heap.zeroFill() ? " zeroed" : "") + " capacityBytes=" + stats.capacityBytes()
                + " subArenas=" + heap.layout().count()
                + " allocations=" + stats.allocations() + " oomEvents=" + stats.oomEvents() + " (fragmentation="
                + stats.oomFragmentation() + ", exhaustion=" + stats.oomExhaustion() + ") directCompactions="
                + stats.directCompactions() + " bytesMoved=" + stats.bytesMoved();
    }

    @Override
    public void close() {
        // the arena is an ordinary array: the garbage collector takes it
    }

    private static final class Slots implements PeerSlots {
        private final CompactingHeap heap;
        private final long[] handles;
        private final int[] sizes;
        private long liveBytes;

        Slots(CompactingHeap heap, int count) {
            this.heap = heap;
            this.handles = new long[count];
            this.sizes = new int[count];
            Arrays.fill(handles, Handles.NONE);
        }

        @Override
        public boolean allocate(int slot, int sizeBytes) {
            long handle = heap.tryAllocate(sizeBytes, AllocationMode.MAY_COMPACT);
            handles[slot] = handle;
            if (handle == Handles.NONE) {
                return false;
            }
            sizes[slot] = sizeBytes;
            liveBytes += sizeBytes;
            return true;
        }

        @Override
        public void free(int slot) {
            long handle = handles[slot];
            if (handle != Handles.NONE) {
                heap.free(handle);
                handles[slot] = Handles.NONE;
                liveBytes -= sizes[slot];
            }
        }

        @Override
        public int count() {
            return handles.length;
        }

        @Override
        public long liveBytes() {
            return liveBytes;
        }
    }
}
