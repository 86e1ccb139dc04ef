package org.mempred.heap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Typed reads and writes of one heap's blocks: bytes, and little-endian ints and longs, at an
 * offset inside a block. Every call checks the handle and the range under the heap's lock, so a
 * value never straddles a block's end and a block that compaction moves is still read right.
 */
public final class TypedAccess {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final CompactingHeap heap;
    private final Object lock;
    private final byte[] arena;

    TypedAccess(CompactingHeap heap, Object lock, byte[] arena) {
        this.heap = heap;
        this.lock = lock;
        this.arena = arena;
    }

    /** Reads one byte at {@code offset}. */
    public byte getByte(long handle, int offset) {
        synchronized (lock) {
            return arena[heap.address(handle, offset, Byte.BYTES)];
        }
    }

    /** Writes one byte at {@code offset}. */
    public void putByte(long handle, int offset, byte value) {
        synchronized (lock) {
            arena[heap.address(handle, offset, Byte.BYTES)] = value;
        }
    }

    /** Reads a little-endian int at {@code offset}. */
    public int getInt(long handle, int offset) {
        synchronized (lock) {
            return (int) INTS.get(arena, heap.address(handle, offset, Integer.BYTES));
        }
    }

    /** Writes a little-endian int at {@code offset}. */
    public void putInt(long handle, int offset, int value) {
        synchronized (lock) {
            INTS.set(arena, heap.address(handle, offset, Integer.BYTES), value);
        }
    }

    /** Reads a little-endian long at {@code offset}. */
    public long getLong(long handle, int offset) {
        synchronized (lock) {
            return (long) LONGS.get(arena, heap.address(handle, offset, Long.BYTES));
        }
    }

    /** Writes a little-endian long at {@code offset}. */
    public void putLong(long handle, int offset, long value) {
        synchronized (lock) {
            LONGS.set(arena, heap.address(handle, offset, Long.BYTES), value);
        }
    }
}
