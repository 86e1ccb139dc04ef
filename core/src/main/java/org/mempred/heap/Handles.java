package org.mempred.heap;

/**
 * Encoding of block handles.
 *
 * <p>A handle is a {@code long} that names a block without revealing its address, so that the
 * heap may move the block during compaction:
 *
 * <pre>
 *   63                              32 31                               0
 *  +----------------------------------+----------------------------------+
 *  |       generation (unsigned)      |        slot index (unsigned)     |
 *  +----------------------------------+----------------------------------+
 * </pre>
 *
 * <p>The slot indexes the heap's handle table; the generation is bumped every time the slot is
 * released, so a handle kept past its {@code free} (or made up) no longer matches and is
 * rejected. Generations start at 1, so {@link #NONE} ({@code 0}) is never a valid handle and
 * serves as the failure sentinel of {@link CompactingHeap#tryAllocate}.
 */
public final class Handles {
    /** The sentinel returned by {@code tryAllocate} on failure; never a valid handle. */
    public static final long NONE = 0L;

    private static final long SLOT_MASK = 0xFFFF_FFFFL;

    private Handles() {}

    static long of(int slot, int generation) {
        return ((long) generation << 32) | (slot & SLOT_MASK);
    }

    static int slot(long handle) {
        return (int) (handle & SLOT_MASK);
    }

    static int generation(long handle) {
        return (int) (handle >>> 32);
    }

    /** A readable form, {@code slot:generation}, used in messages and the shell. */
    public static String format(long handle) {
        return Integer.toUnsignedString(slot(handle)) + ":" + Integer.toUnsignedString(generation(handle));
    }

    /**
     * Parses the form written by {@link #format(long)}.
     *
     * @throws IllegalArgumentException when {@code text} is not {@code slot:generation}
     */
    public static long parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("handle='" + text + "' is not of the form slot:generation");
        }
        try {
            int slot = Integer.parseUnsignedInt(text, 0, colon, 10);
            int generation = Integer.parseUnsignedInt(text, colon + 1, text.length(), 10);
            return of(slot, generation);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("handle='" + text + "' is not of the form slot:generation", e);
        }
    }
}
