package org.mempred.live;

/** JMX view of the live heap, registered as {@code org.mempred:type=Heap}. */
public interface HeapMXBean {
    /** Arena size. */
    long getCapacityBytes();

    /** Bytes held by live blocks. */
    long getUsedBytes();

    /** Bytes in free blocks. */
    long getFreeBytes();

    /** Largest free block. */
    long getLargestFreeBytes();

    /** Free blocks. */
    long getFreeBlocks();

    /** Used over capacity. */
    double getPressure();

    /** {@code 1 - largestFree/free}. */
    double getFragmentation();

    /** Failed allocation requests. */
    long getOomEvents();

    /** Compactions of any kind. */
    long getCompactionsTotal();

    /** Direct (reactive) compactions. */
    long getCompactionsReactive();

    /** Bytes moved by all compactions. */
    long getBytesMoved();

    /** Runs a full compaction now; returns the bytes moved. */
    long compact();
}
