package org.mempred.predict;

/** Preconditions shared by the predictors' hot paths; they allocate only when they throw. */
public final class Checks {
    private Checks() {}

    /** Throws unless {@code features} holds at least {@code width} values. */
    public static void requireWidth(double[] features, FeatureSet featureSet) {
        if (features.length < featureSet.width()) {
            throw new IllegalArgumentException("features.length=" + features.length + " is below the width "
                    + featureSet.width() + " of feature set " + featureSet.id());
        }
    }

    /** Throws unless {@code value}, called {@code name} in the message, is a pressure in [0, 1]. */
    public static void requirePressure(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + "=" + value + " outside [0, 1]");
        }
    }

    /** Throws unless the label {@code peakPressure} is a pressure, in [0, 1]. */
    public static void requireLabel(double peakPressure) {
        requirePressure("peakPressure", peakPressure);
    }

    /** Throws unless the arguments of {@link Predictor#learn} are valid. */
    public static void requireLearnable(double[] features, FeatureSet featureSet, double peakPressure) {
        requireWidth(features, featureSet);
        requireLabel(peakPressure);
    }
}
