package org.mempred.heap;

/**
 * The size classes of contiguous demand: powers of two from {@value #MIN_BYTES} bytes, one class
 * per octave. Class {@code c} holds requests of {@code [2^(9+c), 2^(10+c))} bytes; smaller
 * requests have no class, because any fragment of a fragmented heap serves them and no compaction
 * is ever needed for them.
 *
 * <pre>
 *  class   0        1        2        ...   22
 *  bytes   512..1K  1K..2K   2K..4K         2^31..
 *  lower   2^9      2^10     2^11           2^31 (capped at Integer.MAX_VALUE)
 * </pre>
 *
 * <p>Why octaves from 512 B: the heap's granule is 16 B, and a class must be coarse enough that
 * its volume per tick is a stable quantity, yet fine enough that a request of one class cannot
 * use the capacity counted for the class above (a block of {@code 2^k} holds one request of class
 * {@code k - 9} and none of the class above). Allocators' size classes and Linux's page orders
 * count sizes the same way. 512 B is 32 granules: below it, TLSF's exact small lists and the
 * holes of any churn serve requests without compaction (the stressors' 16-512 B slab mix fails
 * only by exhaustion in practice).
 */
public final class SizeClasses {
    /** log2 of the smallest class's lower edge. */
    public static final int MIN_SHIFT = 9;
    /** The smallest request that has a class. */
    public static final int MIN_BYTES = 1 << MIN_SHIFT;
    /** Number of classes: every octave from 512 B up to the largest int. */
    public static final int COUNT = 31 - MIN_SHIFT + 1;
    /** The class of a request too small to have one. */
    public static final int NONE = -1;

    private SizeClasses() {}

    /** The class of a request of {@code sizeBytes}, {@link #NONE} below {@value #MIN_BYTES} bytes. */
    public static int of(int sizeBytes) {
        if (sizeBytes < MIN_BYTES) {
            return NONE;
        }
        return 31 - Integer.numberOfLeadingZeros(sizeBytes) - MIN_SHIFT;
    }

    /** The smallest request size of class {@code c}. */
    public static long lowerEdgeBytes(int c) {
        return 1L << (c + MIN_SHIFT);
    }
}
