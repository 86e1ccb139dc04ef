package org.mempred.bench;

/**
 * One allocator under test, shared by the threads of a benchmark: mempred's {@code CompactingHeap}
 * ({@link MempredPool}) or Netty's {@code PooledByteBufAllocator} ({@link NettyPool}).
 *
 * <p><b>Held memory</b>, the numerator of the footprint ratio, is the memory the allocator has
 * taken from the JVM to serve blocks from, whether or not a block occupies it now:
 * <ul>
 *   <li>mempred: the arena, {@code capacityBytes}. It is one {@code byte[]}, allocated (and so
 *       zeroed and committed) whole when the heap is made, and never grows: there is no smaller
 *       honest figure. The heap's metadata (20 B per 16-byte granule plus a bitmap and the live
 *       summary, about 1.26 × the arena) lives on the Java heap beside it and is reported apart
 *       ({@link #metadataBytes}).
 *   <li>Netty: {@code PooledByteBufAllocatorMetric.usedDirectMemory()} (direct buffers) or
 *       {@code usedHeapMemory()} (heap buffers): the bytes of every chunk its arenas hold, plus
 *       unpooled huge buffers. Blocks parked in thread caches sit in those chunks, so they count;
 *       Netty's own metadata (chunk run maps, subpage bitmaps, cache queues) is not counted.
 * </ul>
 */
interface PeerPool extends AutoCloseable {
    /** New slots for one thread. */
    PeerSlots slots(int count);

    /** Memory held from the JVM to serve blocks, in bytes (see the class comment). */
    long heldBytes();

    /** Memory the allocator keeps outside {@link #heldBytes} to track blocks (0 where not counted). */
    long metadataBytes();

    /** One line of the allocator's own counters, printed at the end of a trial. */
    String describe();

    @Override
    void close();

    /**
     * A pool of {@code kind} ({@code mempred}, {@code nettyDirect} or {@code nettyHeap}) that clears
     * each new block when {@code zeroFill}: mempred by its heap's zero-fill, Netty by
     * {@code setZero(0, size)} on each new buffer, so both sides do the same work on a block's memory
     * or neither does. {@code mempredCapacityBytes} sizes mempred's arena and is ignored by Netty.
     */
    static PeerPool create(String kind, int mempredCapacityBytes, boolean zeroFill) {
        return create(kind, mempredCapacityBytes, zeroFill, 1);
    }

    /**
     * As {@link #create(String, int, boolean)}, with mempred's arena cut into {@code threads} equal
     * sub-arenas, one lock each ({@code ArenaLayout.even}): the layout for that many allocating
     * threads. Netty's pools size their arenas from the cores themselves.
     */
    static PeerPool create(String kind, int mempredCapacityBytes, boolean zeroFill, int threads) {
        return switch (kind) {
            case "mempred" -> new MempredPool(mempredCapacityBytes, zeroFill, threads);
            case "nettyDirect" -> new NettyPool(true, zeroFill);
            case "nettyHeap" -> new NettyPool(false, zeroFill);
            default ->
                throw new IllegalArgumentException("kind=" + kind + " is not one of mempred, nettyDirect, nettyHeap");
        };
    }
}
