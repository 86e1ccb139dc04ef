package org.mempred.heap;

import java.util.Arrays;

/**
 * The indirection between handles and block addresses, for the blocks of one sub-arena.
 *
 * <pre>
 *  slots[s * 4 + 0] START  first granule of the block, or RELEASED
 *  slots[s * 4 + 1] SIZE   requested size in bytes (the readable/writable extent)
 *  slots[s * 4 + 2] GEN    generation; bumped on release, never 0
 *  slots[s * 4 + 3] PINS   pin count; a pinned block never moves and cannot be freed
 *  released slots form a LIFO stack in freeSlots[0 .. freeTop)
 * </pre>
 *
 * <p>The four fields of a slot are interleaved in 16 bytes, one cache line, since every handle
 * check reads several of them. Compaction moves a block by rewriting START only, so handles held
 * by callers stay valid. Arrays grow by doubling up to one slot per granule (the most blocks an
 * arena can hold), so the steady state allocates nothing. A handle is checked against the slot's generation: a
 * freed handle (double free, use after free) and a made-up one are told apart in the message.
 *
 * <p>Each sub-arena has a table of its own, guarded by its lock: a block never leaves its
 * sub-arena, so its slot never needs another lock. A table's slots are numbered locally from 0
 * (the owner field of {@link BlockTable} holds local slots) and its handles globally, from
 * {@code slotBase}, the sub-arena's first granule: a sub-arena of {@code G} granules holds at most
 * {@code G} blocks, so the global slot ranges of the sub-arenas are disjoint and a handle's slot
 * names its sub-arena ({@link SubArenas#locked(long)}).
 */
final class HandleTable {
    static final int RELEASED = -1;
    private static final int INITIAL_SLOTS = 64;

    private final int maxSlots;
    private final int slotBase;
    private static final int STRIDE = 4;
    private static final int START = 0;
    private static final int SIZE = 1;
    private static final int GEN = 2;
    private static final int PINS = 3;

    private int[] slots;
    private int[] freeSlots;
    private int capacity;
    private int freeTop;
    private int issued;
    private int live;
    private int pinned;

    HandleTable(int slotBase, int maxSlots) {
        this.slotBase = slotBase;
        this.maxSlots = maxSlots;
        int initial = Math.min(maxSlots, INITIAL_SLOTS);
        capacity = initial;
        slots = new int[initial * STRIDE];
        freeSlots = new int[initial];
    }

    int live() {
        return live;
    }

    int pinned() {
        return pinned;
    }

    /** Whether {@code handle} names a live block (a stale or made-up handle does not). */
    boolean names(long handle) {
        int slot = Handles.slot(handle) - slotBase;
        return slot >= 0 && slot < issued && Handles.generation(handle) == generation(slot) && isLive(slot);
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
            if (issued == capacity) {
                grow();
            }
            slot = issued++;
            slots[slot * STRIDE + GEN] = 1;
        }
        int base = slot * STRIDE;
        slots[base + START] = blockStart;
        slots[base + SIZE] = sizeBytes;
        slots[base + PINS] = 0;
        live++;
        return Handles.of(slotBase + slot, slots[base + GEN]);
    }

    /** Releases a slot: its handle goes stale. */
    void release(int slot) {
        int base = slot * STRIDE;
        slots[base + START] = RELEASED;
        int next = slots[base + GEN] + 1;
        slots[base + GEN] = next == 0 ? 1 : next;
        freeSlots[freeTop++] = slot;
        live--;
    }

    /**
     * Returns the local slot of a live handle.
     *
     * @throws InvalidHandleException for a freed, never issued or made-up handle
     */
    int slotOf(long handle) {
        int slot = Handles.slot(handle) - slotBase;
        int generation = Handles.generation(handle);
        if (slot < 0 || slot >= issued || generation == 0) {
            throw new InvalidHandleException("handle " + Handles.format(handle)
                    + " was never issued by this heap (slots issued=" + issued + ")");
        }
        int current = slots[slot * STRIDE + GEN];
        if (generation != current) {
            if (Integer.compareUnsigned(generation, current) < 0) {
                throw new InvalidHandleException("handle " + Handles.format(handle)
                        + " is stale: its block was freed (double free or use after free)");
            }
            throw new InvalidHandleException("handle " + Handles.format(handle)
                    + " was never issued by this heap (slot generation is " + Integer.toUnsignedString(current)
                    + ")");
        }
        return slot;
    }

    int start(int slot) {
        return slots[slot * STRIDE + START];
    }

    void move(int slot, int newStart) {
        slots[slot * STRIDE + START] = newStart;
    }

    int size(int slot) {
        return slots[slot * STRIDE + SIZE];
    }

    int pins(int slot) {
        return slots[slot * STRIDE + PINS];
    }

    boolean isPinned(int slot) {
        return slots[slot * STRIDE + PINS] > 0;
    }

    void pin(int slot) {
        if (slots[slot * STRIDE + PINS]++ == 0) {
            pinned++;
        }
    }

    void unpin(int slot) {
        if (--slots[slot * STRIDE + PINS] == 0) {
            pinned--;
        }
    }

    boolean isLive(int slot) {
        return slots[slot * STRIDE + START] != RELEASED;
    }

    int generation(int slot) {
        return slots[slot * STRIDE + GEN];
    }

    private void grow() {
        int length = (int) Math.min((long) capacity * 2, maxSlots);
        if (length == capacity) {
            throw new IllegalStateException("handle table full at maxSlots=" + maxSlots);
        }
        capacity = length;
        slots = Arrays.copyOf(slots, length * STRIDE);
        freeSlots = Arrays.copyOf(freeSlots, length);
    }
}
