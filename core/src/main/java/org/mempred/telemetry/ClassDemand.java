package org.mempred.telemetry;

import java.util.Arrays;
import org.mempred.heap.ClassFigures;
import org.mempred.heap.SizeClasses;

/**
 * Contiguous demand and supply per size class ({@link SizeClasses}) at one sample: the bytes
 * requested in each class since the previous sample (the volume the program consumed), the bytes
 * of each class's requests that failed by fragmentation in that interval, and each class's
 * contiguous capacity at the sample ({@link ClassFigures}).
 *
 * <p>Classes are nested from above: a request of class {@code c} or larger needs a block of at
 * least class {@code c}'s lower edge, so {@link #volumeFromBytes} and {@link #failedFromBytes} sum
 * a class and every larger one — the demand set against {@link #capacityBytes}.
 *
 * <p>Immutable; built once per governor tick, so its arrays are the tick's one allocation beside
 * the sample's.
 */
public final class ClassDemand {
    /** No volume, no failure, no capacity. */
    public static final ClassDemand NONE =
            new ClassDemand(new long[SizeClasses.COUNT], new long[SizeClasses.COUNT], new long[SizeClasses.COUNT]);

    private final long[] volumeBytes;
    private final long[] failedBytes;
    private final long[] capacityBytes;

    private ClassDemand(long[] volumeBytes, long[] failedBytes, long[] capacityBytes) {
        this.volumeBytes = volumeBytes;
        this.failedBytes = failedBytes;
        this.capacityBytes = capacityBytes;
    }

    /** The demand between snapshot {@code earlier} and snapshot {@code now}, with {@code now}'s capacity. */
    public static ClassDemand between(ClassFigures earlier, ClassFigures now) {
        long[] volume = new long[SizeClasses.COUNT];
        long[] failed = new long[SizeClasses.COUNT];
        long[] capacity = new long[SizeClasses.COUNT];
        for (int c = 0; c < SizeClasses.COUNT; c++) {
            volume[c] = Math.max(0, now.requestedBytes(c) - earlier.requestedBytes(c));
            failed[c] = Math.max(0, now.failedBytes(c) - earlier.failedBytes(c));
            capacity[c] = now.contiguousBytes(c);
        }
        return new ClassDemand(volume, failed, capacity);
    }

    /** A demand of {@code volumeBytes[c]} per class with capacities {@code capacityBytes[c]} (tests, tools). */
    public static ClassDemand of(long[] volumeBytes, long[] failedBytes, long[] capacityBytes) {
        if (volumeBytes.length != SizeClasses.COUNT
                || failedBytes.length != SizeClasses.COUNT
                || capacityBytes.length != SizeClasses.COUNT) {
            throw new IllegalArgumentException("each array must have " + SizeClasses.COUNT + " classes, got "
                    + volumeBytes.length + ", " + failedBytes.length + " and " + capacityBytes.length);
        }
        return new ClassDemand(volumeBytes.clone(), failedBytes.clone(), capacityBytes.clone());
    }

    /** Bytes requested in class {@code c} in the interval. */
    public long volumeBytes(int c) {
        return volumeBytes[c];
    }

    /** Bytes requested in class {@code c} or any larger one in the interval. */
    public long volumeFromBytes(int c) {
        long sum = 0;
        for (int k = c; k < SizeClasses.COUNT; k++) {
            sum += volumeBytes[k];
        }
        return sum;
    }

    /** Bytes requested in every class (requests of at least {@value SizeClasses#MIN_BYTES} bytes). */
    public long totalVolumeBytes() {
        return volumeFromBytes(0);
    }

    /** Bytes of class-{@code c} requests that failed by fragmentation in the interval. */
    public long failedBytes(int c) {
        return failedBytes[c];
    }

    /** Bytes of class-{@code c}-or-larger requests that failed by fragmentation in the interval. */
    public long failedFromBytes(int c) {
        long sum = 0;
        for (int k = c; k < SizeClasses.COUNT; k++) {
            sum += failedBytes[k];
        }
        return sum;
    }

    /** Contiguous capacity of class {@code c} at the sample. */
    public long capacityBytes(int c) {
        return capacityBytes[c];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClassDemand that
                && Arrays.equals(volumeBytes, that.volumeBytes)
                && Arrays.equals(failedBytes, that.failedBytes)
                && Arrays.equals(capacityBytes, that.capacityBytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(volumeBytes) * 31 + Arrays.hashCode(capacityBytes);
    }

    @Override
    public String toString() {
        return "ClassDemand[volume=" + Arrays.toString(volumeBytes) + ", capacity=" + Arrays.toString(capacityBytes)
                + "]";
    }
}
