package org.mempred.heap;

import java.util.Objects;

/**
 * The settings of a {@link CompactingHeap}, one place for all of them: how the arena is cut
 * ({@link ArenaLayout}), the direct compaction's budget and form, and whether new blocks are
 * zero-filled. Obtained from {@link CompactingHeap#builder(int)} or
 * {@link CompactingHeap#builder(ArenaLayout)}; every setter checks its value and throws naming it,
 * leaving the builder as it was.
 *
 * <p><b>Zero-fill</b> ({@link #zeroFill(boolean)}, default {@code true}). The arena is reused:
 * a block is carved from memory that held freed blocks, or that a compaction moved a block out of,
 * so without clearing a new block shows whatever bytes were there — another caller's data, as
 * {@code malloc} does and {@code calloc} does not. The heap is shared by every caller that holds
 * it, so clearing is on by default: no reader ever sees bytes it did not write or zeros. A caller
 * that writes every byte before reading it (a buffer filled from a socket or file) may turn it off
 * and save O(size) per allocation, as Netty's pooled buffers do; live blocks are never affected
 * either way, only the initial contents of a new one are left unspecified.
 */
public final class HeapBuilder {
    private final ArenaLayout layout;
    private int directCompactionBudgetBytes = CompactingHeap.DEFAULT_DIRECT_COMPACTION_BUDGET_BYTES;
    private DirectCompaction directCompaction = DirectCompaction.EVACUATE;
    private boolean zeroFill = true;

    HeapBuilder(ArenaLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /**
     * Bytes moved at most by one direct compaction (default 16 KiB).
     *
     * @throws IllegalArgumentException when negative
     */
    public HeapBuilder directCompactionBudgetBytes(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("directCompactionBudgetBytes=" + bytes + " must be >= 0");
        }
        this.directCompactionBudgetBytes = bytes;
        return this;
    }

    /** The form of direct compaction (default {@link DirectCompaction#EVACUATE}). */
    public HeapBuilder directCompaction(DirectCompaction form) {
        this.directCompaction = Objects.requireNonNull(form, "directCompaction");
        return this;
    }

    /** Whether each new block is cleared to zeros before it is handed out (default {@code true}, see above). */
    public HeapBuilder zeroFill(boolean on) {
        this.zeroFill = on;
        return this;
    }

    /** A new heap with these settings. */
    public CompactingHeap build() {
        return new CompactingHeap(layout, directCompactionBudgetBytes, directCompaction, zeroFill);
    }
}
