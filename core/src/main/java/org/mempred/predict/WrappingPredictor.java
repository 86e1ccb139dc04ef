package org.mempred.predict;

/** A predictor that wraps another (to time it, record it, ...) and can say which. */
public interface WrappingPredictor extends Predictor {
    /** The predictor inside. */
    Predictor wrapped();
}
