package org.mempred.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocatorMetric;

/**
 * Netty's side of the peer benchmarks: a {@link PooledByteBufAllocator} of its own (not the
 * shared {@code DEFAULT}) with Netty's default arenas, page size, chunk order and cache sizes, and
 * thread caches for every thread ({@code useCacheForAllThreads = true}, so JMH's worker threads get
 * them as Netty's event-loop threads would). A block is a {@code directBuffer(size, size)} or
 * {@code heapBuffer(size, size)}; freeing is {@code release()}. Netty does not clear a buffer it
 * hands out: when {@code zeroed}, each allocation adds {@code setZero(0, size)}, the work mempred's
 * zero-fill does on a new block, so both sides are compared clearing and not clearing.
 */
final class NettyPool implements PeerPool {
    private final PooledByteBufAllocator allocator;
    private final boolean direct;
    private final boolean zeroed;

    NettyPool(boolean direct, boolean zeroed) {
        this.direct = direct;
        this.zeroed = zeroed;
        this.allocator = new PooledByteBufAllocator(
                direct,
                PooledByteBufAllocator.defaultNumHeapArena(),
                PooledByteBufAllocator.defaultNumDirectArena(),
                PooledByteBufAllocator.defaultPageSize(),
                PooledByteBufAllocator.defaultMaxOrder(),
                PooledByteBufAllocator.defaultSmallCacheSize(),
                PooledByteBufAllocator.defaultNormalCacheSize(),
                true);
    }

    @Override
    public PeerSlots slots(int count) {
        return new Slots(allocator, direct, zeroed, count);
    }

    @Override
    public long heldBytes() {
        PooledByteBufAllocatorMetric metric = allocator.metric();
        return direct ? metric.usedDirectMemory() : metric.usedHeapMemory();
    }

    @Override
    public long metadataBytes() {
        return 0;
    }

    @Override
    public String describe() {
        PooledByteBufAllocatorMetric metric = allocator.metric();
        return "netty " + (direct ? "direct" : "heap") + (zeroed ? " zeroed" : "") + " chunkSize=" + metric.chunkSize()
                + " arenas="
                + (direct ? metric.numDirectArenas() : metric.numHeapArenas()) + " threadCaches="
                + metric.numThreadLocalCaches() + " heldBytes=" + heldBytes();
    }

    @Override
    public void close() {
        // the pool is this trial's alone: its chunks go with it; thread caches go with their threads
    }

    private static final class Slots implements PeerSlots {
        private final PooledByteBufAllocator allocator;
        private final boolean direct;
        private final boolean zeroed;
        private final ByteBuf[] buffers;
        private final int[] sizes;
        private long liveBytes;

        Slots(PooledByteBufAllocator allocator, boolean direct, boolean zeroed, int count) {
            this.allocator = allocator;
            this.direct = direct;
            this.zeroed = zeroed;
            this.buffers = new ByteBuf[count];
            this.sizes = new int[count];
        }

        @Override
        public boolean allocate(int slot, int sizeBytes) {
            ByteBuf buffer =
                    direct ? allocator.directBuffer(sizeBytes, sizeBytes) : allocator.heapBuffer(sizeBytes, sizeBytes);
            if (zeroed) {
                buffer.setZero(0, sizeBytes);
            }
            buffers[slot] = buffer;
            sizes[slot] = sizeBytes;
            liveBytes += sizeBytes;
            return true;
        }

        @Override
        public void free(int slot) {
            ByteBuf buffer = buffers[slot];
            if (buffer != null) {
                buffer.release();
                buffers[slot] = null;
                liveBytes -= sizes[slot];
            }
        }

        @Override
        public int count() {
            return buffers.length;
        }

        @Override
        public long liveBytes() {
            return liveBytes;
        }
    }
}
