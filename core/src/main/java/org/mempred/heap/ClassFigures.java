package org.mempred.heap;

import java.util.Arrays;

/**
 * A heap's figures per size class ({@link SizeClasses}), as a snapshot: the bytes requested so
 * far in each class (served or failed), the bytes of requests that failed by fragmentation in each
 * class, and the contiguous capacity each class has now — the supply against which a forecast of
 * the volume a program will ask for is set (docs/design.md "Predictors").
 *
 * <p>Contiguous capacity of class {@code c}: what the free blocks of at least the class's lower
 * edge {@code L} hold, each block of {@code [L, 2L)} counted as one {@code L} and each larger
 * block with all its bytes — about how many bytes of class-{@code c} requests the free space can
 * serve without compaction. It never counts a block smaller than {@code L}, which no request of
 * the class can use.
 *
 * <p>Immutable: it takes arrays no one else holds (the heap's counters hand it copies) and never
 * hands them out.
 */
public final class ClassFigures {
    /** No request, no failure, no capacity. */
    public static final ClassFigures NONE =
            new ClassFigures(new long[SizeClasses.COUNT], new long[SizeClasses.COUNT], new long[SizeClasses.COUNT]);

    private final long[] requestedBytes;
    private final long[] failedBytes;
    private final long[] contiguousBytes;

    /** Figures of these arrays, which the caller gives up. */
    ClassFigures(long[] requestedBytes, long[] failedBytes, long[] contiguousBytes) {
        this.requestedBytes = requestedBytes;
        this.failedBytes = failedBytes;
        this.contiguousBytes = contiguousBytes;
    }

    /** Bytes requested in class {@code c} so far. */
    public long requestedBytes(int c) {
        return requestedBytes[c];
    }

    /** Bytes of class-{@code c} requests that failed by fragmentation so far. */
    public long failedBytes(int c) {
        return failedBytes[c];
    }

    /** Contiguous capacity of class {@code c} at the snapshot. */
    public long contiguousBytes(int c) {
        return contiguousBytes[c];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClassFigures that
                && Arrays.equals(requestedBytes, that.requestedBytes)
                && Arrays.equals(failedBytes, that.failedBytes)
                && Arrays.equals(contiguousBytes, that.contiguousBytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(requestedBytes) * 31 + Arrays.hashCode(contiguousBytes);
    }

    @Override
    public String toString() {
        return "ClassFigures[requested=" + Arrays.toString(requestedBytes) + ", contiguous="
                + Arrays.toString(contiguousBytes) + "]";
    }
}
