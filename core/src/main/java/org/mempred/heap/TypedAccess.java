package org.mempred.heap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Typed reads and writes of one heap's blocks: bytes, and little-endian ints and longs, at an
 * offset inside a block. Every call checks the handle and the range under the lock of the block's
 * sub-arena, which a compaction moving the block holds too, so a value never straddles a block's
 * end and a block that compaction moves is still read right.
 */
public final class TypedAccess {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final SubArenas space;
    private final byte[] arena;

    TypedAccess(SubArenas space, byte[] arena) {
        this.space = space;
        this.arena = arena;
    }

    /** Reads one byte at {@code offset}. */
    public byte getByte(long handle, int offset) {
        SubArena sub = space.locked(handle);
        try {
            return arena[sub.address(handle, offset, Byte.BYTES)];
        } finally {
            sub.lock.unlock();
        }
    }

    /** Writes one byte at {@code offset}. */
    public void putByte(long handle, int offset, byte value) {
        SubArena sub = space.locked(handle);
        try {
            arena[sub.address(handle, offset, Byte.BYTES)] = value;
        } finally {
            sub.lock.unlock();
        }
    }

    /** Reads a little-endian int at {@code offset}. */
    public int getInt(long handle, int offset) {
        SubArena sub = space.locked(handle);
        try {
            return (int) INTS.get(arena, sub.address(handle, offset, Integer.BYTES));
        } finally {
            sub.lock.unlock();
        }
    }

    /** Writes a little-endian int at {@code offset}. */
    public void putInt(long handle, int offset, int value) {
        SubArena sub = space.locked(handle);
        try {
            INTS.set(arena, sub.address(handle, offset, Integer.BYTES), value);
        } finally {
            sub.lock.unlock();
        }
    }

    /** Reads a little-endian long at {@code offset}. */
    public long getLong(long handle, int offset) {
        SubArena sub = space.locked(handle);
        try {
            return (long) LONGS.get(arena, sub.address(handle, offset, Long.BYTES));
        } finally {
            sub.lock.unlock();
        }
    }

    /** Writes a little-endian long at {@code offset}. */
    public void putLong(long handle, int offset, long value) {
        SubArena sub = space.locked(handle);
        try {
            LONGS.set(arena, sub.address(handle, offset, Long.BYTES), value);
        } finally {
            sub.lock.unlock();
        }
    }
}
