package org.mempred.telemetry;

/**
 * Footprint arithmetic: the heap bytes a primitive array occupies, computed from its length.
 *
 * <p>Model (64-bit HotSpot, default compressed class pointers, 8-byte object alignment):
 *
 * <pre>
 *   +-----------+-----------+-----------+---------------------------+---------+
 *   | mark word | klass ptr |  length   | length x element bytes    | padding |
 *   |  8 bytes  |  4 bytes  |  4 bytes  |                           | to 8    |
 *   +-----------+-----------+-----------+---------------------------+---------+
 * </pre>
 *
 * <p>So {@code new double[49]} is {@code align8(16 + 49 * 8) = 408} bytes. With compact object
 * headers (JEP 450) the header is 4 bytes smaller; the figures here are then an upper bound.
 * Object shells that merely hold the arrays (a few dozen bytes each) are not counted.
 */
public final class ArrayBytes {
    /** Mark word, compressed class pointer and length field. */
    public static final int ARRAY_HEADER_BYTES = 16;

    /** Objects start on 8-byte boundaries. */
    public static final int OBJECT_ALIGNMENT_BYTES = 8;

    private ArrayBytes() {}

    /** Bytes of a {@code double[]} of {@code length} elements. */
    public static long ofDoubles(int length) {
        return of(length, Double.BYTES);
    }

    /** Bytes of a {@code long[]} of {@code length} elements. */
    public static long ofLongs(int length) {
        return of(length, Long.BYTES);
    }

    /** Bytes of an array of {@code length} elements of {@code elementBytes} each. */
    public static long of(int length, int elementBytes) {
        if (length < 0 || elementBytes <= 0) {
            throw new IllegalArgumentException(
                    "length=" + length + " must be non-negative and elementBytes=" + elementBytes + " positive");
        }
        long raw = ARRAY_HEADER_BYTES + (long) length * elementBytes;
        return (raw + OBJECT_ALIGNMENT_BYTES - 1) / OBJECT_ALIGNMENT_BYTES * OBJECT_ALIGNMENT_BYTES;
    }
}
