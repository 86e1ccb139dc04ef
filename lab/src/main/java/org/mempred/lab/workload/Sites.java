package org.mempred.lab.workload;

import java.util.SplittableRandom;

/**
 * The allocation sites of a synthetic stream: which line of the simulated program made each
 * block, with lifetimes that differ by site, so that placement by predicted lifetime has
 * something to learn, and as in real programs, not everything.
 *
 * <pre>
 *   site = (kind, size bucket, k)      kind:  LONG   blocks of the long-lived pool
 *                                              SHORT  blocks of the short-lived pool
 *                                              MIXED  either pool, at the stream's base rate
 *   size bucket = floor(log2(size))   k: one of 4 sites per (kind, bucket), uniform
 * </pre>
 *
 * <p>A block of the long-lived pool gets a {@code LONG} site with probability {@link #FIDELITY},
 * else a {@code MIXED} one; a short-lived block likewise a {@code SHORT} or {@code MIXED} site.
 * So a {@code LONG} or {@code SHORT} site predicts its blocks' pool exactly, a {@code MIXED}
 * site no better than the base rate, and sizes say a little (the pools draw sizes alike, but a
 * site allocates one size range only). Site ids are a SplitMix64 mix of (kind, bucket, k and the
 * stream's id base), never 0 ({@link HeapEvent#NO_SITE}): the same program code in every seed,
 * distinct per subsystem of a mix. The draw takes a random stream of its own, so a stream's other
 * events do not depend on it.
 */
final class Sites {
    /** The share of a pool's blocks that come from sites faithful to that pool. */
    static final double FIDELITY = 0.8;
    /** Sites per (kind, size bucket). */
    static final int PER_GROUP = 4;

    private static final int LONG = 0;
    private static final int SHORT = 1;
    private static final int MIXED = 2;

    private final SplittableRandom random;
    private final long salt;

    Sites(SplittableRandom random, long idBase) {
        this.random = random;
        this.salt = idBase;
    }

    /** The site of a new block of {@code sizeBytes} in the long- or short-lived pool. */
    long draw(boolean longLived, int sizeBytes) {
        int kind = random.nextDouble() < FIDELITY ? (longLived ? LONG : SHORT) : MIXED;
        int bucket = 31 - Integer.numberOfLeadingZeros(Math.max(1, sizeBytes));
        int k = random.nextInt(PER_GROUP);
        return id(kind, bucket, k, salt);
    }

    static long id(int kind, int bucket, int k, long salt) {
        long z = salt * 0x9E3779B97F4A7C15L + ((long) kind << 40 | (long) bucket << 8 | k) + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return z == HeapEvent.NO_SITE ? 1 : z;
    }
}
