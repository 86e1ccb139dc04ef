package org.mempred.heap;

import java.util.Arrays;

/**
 * The indirection between handles and block addresses.
 *
 * <pre>
 *  slot s:  start[s]  first granule of the block, or RELEASED
 *           size[s]   requested size in bytes (the readable/writable extent)
 *           gen[s]    generation; bumped on release, never 0
 *           pins[s]   pin count; a pinned block never moves and cannot be freed
 *  released slots form a LIFO stack in freeSlots[0 .. freeTop)
 * </pre>
 *
 * <p>Compaction moves a block by rewriting {@code start[s]} only, so handles held by callers stay
 * valid. Arrays grow by doubling up to one slot per granule (the most blocks an arena can hold),
 * so the steady state allocates nothing. A handle is checked against the slot's generation: a
 * freed handle (double free, use after free) and a made-up one are told apart in the message.
 */
final class HandleTable {
    static final int RELEASED = -1;
    private static final int INITIAL_SLOTS = 64;

    private final int maxSlots;
    private int[] start;
    private int[] size;
    private int[] gen;
    private int[] pins;
    private int[] freeSlots;
    private int freeTop;
    private int issued;
    private int live;
    private int pinned;

    HandleTable(int maxSlots) {
        this.maxSlots = maxSlots;
        int initial = Math.min(maxSlots, INITIAL_SLOTS);
        start = new int[initial];
        size = new int[initial];
        gen = new int[initial];
        pins = new int[initial];
        freeSlots = new int[initial];
    }

    int live() {
        return live;
    }

    int pinned() {
        return pinned;
    }

    /** Slots handed out so far (the high-water mark); slots at or above it were never issued. */
    int issued() {
        return issued;
    }

    /** Takes a slot for a block at {@code blockStart} of {@code sizeBytes} and returns its handle. */
    long acquire(int blockStart, int sizeBytes) {
        int slot;
        if (freeTop > 0) {
            slot = freeSlots[--freeTop];
        } else {
            if (issued == start.length) {
                grow();
            }
            slot = issued++;
            gen[slot] = 1;
        }
        start[slot] = blockStart;
        size[slot] = sizeBytes;
        pins[slot] = 0;
        live++;
        return Handles.of(slot, gen[slot]);
    }

    /** Releases a slot: its handle goes stale. */
    void release(int slot) {
        start[slot] = RELEASED;
        int next = gen[slot] + 1;
        gen[slot] = next == 0 ? 1 : next;
        freeSlots[freeTop++] = slot;
        live--;
    }

    /**
     * Returns the slot of a live handle.
     *
     * @throws InvalidHandleException for a freed, never issued or made-up handle
     */
    int slotOf(long handle) {
        int slot = Handles.slot(handle);
        int generation = Handles.generation(handle);
        if (slot < 0 || slot >= issued || generation == 0) {
            throw new InvalidHandleException("handle " + Handles.format(handle)
                    + " was never issued by this heap (slots issued=" + issued + ")");
        }
        if (generation != gen[slot]) {
            if (Integer.compareUnsigned(generation, gen[slot]) < 0) {
                throw new InvalidHandleException("handle " + Handles.format(handle)
                        + " is stale: its block was freed (double free or use after free)");
            }
            throw new InvalidHandleException("handle " + Handles.format(handle)
                    + " was never issued by this heap (slot generation is " + Integer.toUnsignedString(gen[slot])
                    + ")");
        }
        return slot;
    }

    int start(int slot) {
        return start[slot];
    }

    void move(int slot, int newStart) {
        start[slot] = newStart;
    }

    int size(int slot) {
        return size[slot];
    }

    int pins(int slot) {
        return pins[slot];
    }

    boolean isPinned(int slot) {
        return pins[slot] > 0;
    }

    void pin(int slot) {
        if (pins[slot]++ == 0) {
            pinned++;
        }
    }

    void unpin(int slot) {
        if (--pins[slot] == 0) {
            pinned--;
        }
    }

    boolean isLive(int slot) {
        return start[slot] != RELEASED;
    }

    int generation(int slot) {
        return gen[slot];
    }

    private void grow() {
        int length = (int) Math.min((long) start.length * 2, maxSlots);
        if (length == start.length) {
            throw new IllegalStateException("handle table full at maxSlots=" + maxSlots);
        }
        start = Arrays.copyOf(start, length);
        size = Arrays.copyOf(size, length);
        gen = Arrays.copyOf(gen, length);
        pins = Arrays.copyOf(pins, length);
        freeSlots = Arrays.copyOf(freeSlots, length);
    }
}
