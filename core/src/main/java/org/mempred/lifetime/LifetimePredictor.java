package org.mempred.lifetime;

/**
 * Predicts the {@link LifetimeClass} of a block at its allocation and learns from the classes
 * observed when blocks are freed (delayed labels: a block's label arrives with its free, so a
 * long-lived class is learnt late, as in any online lifetime predictor).
 *
 * <p>Contract: both calls run on the heap's request path under its lock, so they must be cheap and
 * allocate nothing; {@code predict} returns a class in {@code [0, COUNT)} and never throws for
 * any input. A predictor is used by one heap.
 */
public interface LifetimePredictor {
    /** A lifetime the caller does not know. */
    long UNKNOWN = -1;

    /** The name used on the command line and in reports. */
    String name();

    /** Whether the predictor reads allocation sites (and so needs a stream that has them). */
    boolean needsSites();

    /** Whether the predictor reads the block's true lifetime (an oracle, for the bound). */
    default boolean needsTrueLifetime() {
        return false;
    }

    /**
     * The predicted class of a new block.
     *
     * @param site the allocation site, 0 when unknown
     * @param sizeBytes the requested size
     * @param trueLifetimeNanos the block's true lifetime when the caller knows it (oracle runs),
     *     else {@link #UNKNOWN}; only an oracle may read it
     */
    int predict(long site, int sizeBytes, long trueLifetimeNanos);

    /** A block of {@code site} and {@code sizeBytes} was freed after a lifetime of class {@code lifetimeClass}. */
    void observe(long site, int sizeBytes, int lifetimeClass);
}
