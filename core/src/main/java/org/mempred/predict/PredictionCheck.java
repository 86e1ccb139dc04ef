package org.mempred.predict;

/**
 * Validity of a predictor's output at the safety boundary (docs/design.md "One governor tick"):
 * a prediction is a share of capacity, so anything but a finite value in [0, 1] is invalid. An
 * invalid prediction is reported and discarded by the caller, never clamped into range.
 */
public enum PredictionCheck {
    /** Finite and in [0, 1]. */
    VALID,
    /** Not a number. */
    NAN,
    /** Positive or negative infinity. */
    INFINITE,
    /** Finite but below 0. */
    BELOW_ZERO,
    /** Finite but above 1. */
    ABOVE_ONE;

    /** Classifies {@code predictedPressure}; allocates nothing. */
    public static PredictionCheck of(double predictedPressure) {
        if (Double.isNaN(predictedPressure)) {
            return NAN;
        }
        if (Double.isInfinite(predictedPressure)) {
            return INFINITE;
        }
        if (predictedPressure < 0.0) {
            return BELOW_ZERO;
        }
        return predictedPressure > 1.0 ? ABOVE_ONE : VALID;
    }

    /** True only for {@link #VALID}. */
    public boolean isValid() {
        return this == VALID;
    }
}
