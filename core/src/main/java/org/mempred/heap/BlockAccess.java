package org.mempred.heap;

/**
 * A heap's operations on one live block named by a handle — free, pin, unpin, its size, bulk
 * reads and writes — each under the lock of the block's sub-arena only ({@link SubArenas#locked}):
 * a block never leaves its sub-arena, and a compaction moving it holds that lock too, so the
 * handle's slot, the block's address and its bytes are read and written at one instant. Split
 * from {@link CompactingHeap}, which checks the caller's arrays and documents the contract.
 */
final class BlockAccess {
    private final SubArenas space;
    private final byte[] arena;
    private final Allocator allocator;
    private final int granules;

    BlockAccess(SubArenas space, byte[] arena, Allocator allocator) {
        this.space = space;
        this.arena = arena;
        this.allocator = allocator;
        this.granules = arena.length >>> Granules.SHIFT;
    }

    void free(long handle, long nowNanos) {
        SubArena sub = space.locked(handle);
        try {
            int slot = sub.handles.slotOf(handle);
            if (sub.handles.isPinned(slot)) {
                throw new IllegalStateException("cannot free handle " + Handles.format(handle)
                        + ": block is pinned (pins=" + sub.handles.pins(slot) + ")");
            }
            allocator.free(sub, handle, slot, nowNanos);
        } finally {
            sub.lock.unlock();
        }
    }

    int sizeOf(long handle) {
        SubArena sub = space.locked(handle);
        try {
            return sub.handles.size(sub.handles.slotOf(handle));
        } finally {
            sub.lock.unlock();
        }
    }

    boolean isLive(long handle) {
        int slot = Handles.slot(handle);
        if (slot < 0 || slot >= granules) {
            return false;
        }
        SubArena sub = space.locked(handle);
        try {
            return sub.handles.names(handle);
        } finally {
            sub.lock.unlock();
        }
    }

    void write(long handle, int offset, byte[] src, int srcOffset, int length) {
        SubArena sub = space.locked(handle);
        try {
            System.arraycopy(src, srcOffset, arena, sub.address(handle, offset, length), length);
        } finally {
            sub.lock.unlock();
        }
    }

    void read(long handle, int offset, byte[] dst, int dstOffset, int length) {
        SubArena sub = space.locked(handle);
        try {
            System.arraycopy(arena, sub.address(handle, offset, length), dst, dstOffset, length);
        } finally {
            sub.lock.unlock();
        }
    }

    byte[] readAll(long handle) {
        SubArena sub = space.locked(handle);
        try {
            byte[] copy = new byte[sub.handles.size(sub.handles.slotOf(handle))];
            System.arraycopy(arena, sub.address(handle, 0, copy.length), copy, 0, copy.length);
            return copy;
        } finally {
            sub.lock.unlock();
        }
    }

    /** Arena index of {@code offset} in the block, after checking {@code [offset, offset+length)}: where it is now. */
    int address(long handle, int offset, int length) {
        SubArena sub = space.locked(handle);
        try {
            return sub.address(handle, offset, length);
        } finally {
            sub.lock.unlock();
        }
    }

    void pin(long handle) {
        SubArena sub = space.locked(handle);
        try {
            allocator.pin(sub, sub.handles.slotOf(handle));
        } finally {
            sub.lock.unlock();
        }
    }

    void unpin(long handle) {
        SubArena sub = space.locked(handle);
        try {
            allocator.unpin(sub, handle, sub.handles.slotOf(handle));
        } finally {
            sub.lock.unlock();
        }
    }

    boolean isPinned(long handle) {
        SubArena sub = space.locked(handle);
        try {
            return sub.handles.isPinned(sub.handles.slotOf(handle));
        } finally {
            sub.lock.unlock();
        }
    }
}
