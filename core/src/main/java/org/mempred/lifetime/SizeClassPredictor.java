package org.mempred.lifetime;

/**
 * {@code size-class}: lifetime by request size alone, the baseline that needs no site. One row of
 * {@link ClassCounts} per power-of-two size bucket ({@code floor(log2 size)}, 32 rows); a bucket
 * never observed predicts what all blocks observed so far predict, and before any free the
 * longest class (a block of unknown lifetime is placed where a long life harms least).
 */
public final class SizeClassPredictor implements LifetimePredictor {
    private static final int BUCKETS = 32;
    private static final int ALL = BUCKETS;

    private final ClassCounts counts = new ClassCounts(BUCKETS + 1);

    /** A predictor with no observations yet. */
    public SizeClassPredictor() {}

    @Override
    public String name() {
        return "size-class";
    }

    @Override
    public boolean needsSites() {
        return false;
    }

    @Override
    public int predict(long site, int sizeBytes, long trueLifetimeNanos) {
        return counts.predict(bucket(sizeBytes), counts.predict(ALL, LifetimeClass.LONGEST));
    }

    @Override
    public void observe(long site, int sizeBytes, int lifetimeClass) {
        counts.add(bucket(sizeBytes), lifetimeClass);
        counts.add(ALL, lifetimeClass);
    }

    /** The power-of-two size bucket of a request, {@code floor(log2 size)} (0 for sizes below 2). */
    public static int bucket(int sizeBytes) {
        return 31 - Integer.numberOfLeadingZeros(Math.max(1, sizeBytes));
    }
}
