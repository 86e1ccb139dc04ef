package org.mempred.bench;

/**
 * A fixed number of slots, each empty or holding one block of one allocator, owned by one thread.
 * The peer benchmarks drive mempred and Netty only through this interface, so both see the same
 * request stream; each fork uses one implementation, so the calls stay monomorphic.
 */
interface PeerSlots {
    /**
     * Allocates {@code sizeBytes} into the empty {@code slot}.
     *
     * @return false when the allocator refused the request (the slot stays empty)
     */
    boolean allocate(int slot, int sizeBytes);

    /** Frees the block in {@code slot}, if it holds one; the slot is empty afterwards. */
    void free(int slot);

    /** Frees every block still held. */
    default void freeAll() {
        for (int slot = 0; slot < count(); slot++) {
            free(slot);
        }
    }

    /** Number of slots. */
    int count();

    /** Requested bytes of the blocks held now (not rounded to any size class or granule). */
    long liveBytes();
}
