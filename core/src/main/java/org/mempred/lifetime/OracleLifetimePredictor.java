package org.mempred.lifetime;

/**
 * {@code oracle-lifetime}: the class of the block's true lifetime, read from the caller (the lab
 * knows it from a first pass over the same stream). Not a predictor one could deploy: it is the
 * bound that shows how much placement by lifetime can gain at all. A block whose lifetime the
 * caller does not know is placed in the longest class.
 */
public final class OracleLifetimePredictor implements LifetimePredictor {
    /** The oracle; it keeps no state. */
    public OracleLifetimePredictor() {}

    @Override
    public String name() {
        return "oracle-lifetime";
    }

    @Override
    public boolean needsSites() {
        return false;
    }

    @Override
    public boolean needsTrueLifetime() {
        return true;
    }

    @Override
    public int predict(long site, int sizeBytes, long trueLifetimeNanos) {
        return trueLifetimeNanos < 0 ? LifetimeClass.LONGEST : LifetimeClass.of(trueLifetimeNanos);
    }

    @Override
    public void observe(long site, int sizeBytes, int lifetimeClass) {
        // the oracle learns nothing
    }
}
