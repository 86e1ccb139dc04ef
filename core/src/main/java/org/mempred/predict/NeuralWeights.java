package org.mempred.predict;

import java.util.Arrays;
import org.mempred.telemetry.ArrayBytes;

/**
 * An immutable snapshot of a {@code neural} model: the network's parameters and its input
 * normaliser's statistics. What {@code WeightsFile} saves and loads and what {@code
 * NeuralPredictor} starts from (and returns to when its weights explode), both in {@code
 * predict.neural}. It lives here, beside {@link PredictorConfig} which carries it, so
 * that the configuration does not depend on the network that reads it.
 *
 * <p>Parameters are in {@code Mlp}'s flat layout (W1 by hidden unit, b1, w2, b2); means and
 * variances are {@code InputNormaliser}'s, one per input, after {@code inputSamples} updates. All
 * arrays are copied in and out, so an instance never changes; every number must be finite and
 * every variance non-negative.
 */
public final class NeuralWeights {
    private final FeatureSet featureSet;
    private final int hiddenUnits;
    private final double[] parameters;
    private final double[] inputMeans;
    private final double[] inputVariances;
    private final long inputSamples;

    /** A {@code featureSet.width()}→{@code hiddenUnits}→1 model; see the class comment. */
    public NeuralWeights(
            FeatureSet featureSet,
            int hiddenUnits,
            double[] parameters,
            double[] inputMeans,
            double[] inputVariances,
            long inputSamples) {
        if (hiddenUnits < 1 || inputSamples < 0) {
            throw new IllegalArgumentException("hiddenUnits=" + hiddenUnits + " must be at least 1 and inputSamples="
                    + inputSamples + " non-negative");
        }
        int expected = parameterCount(featureSet.width(), hiddenUnits);
        if (parameters.length != expected) {
            throw new IllegalArgumentException("parameters.length=" + parameters.length + " but a " + featureSet.width()
                    + "→" + hiddenUnits + "→1 network has " + expected);
        }
        if (inputMeans.length != featureSet.width() || inputVariances.length != featureSet.width()) {
            throw new IllegalArgumentException("inputMeans.length=" + inputMeans.length + " and inputVariances.length="
                    + inputVariances.length + " must equal the width " + featureSet.width() + " of " + featureSet.id());
        }
        requireFinite("parameters", parameters);
        requireFinite("inputMeans", inputMeans);
        requireFinite("inputVariances", inputVariances);
        for (int i = 0; i < inputVariances.length; i++) {
            if (inputVariances[i] < 0.0) {
                throw new IllegalArgumentException("inputVariances[" + i + "]=" + inputVariances[i] + " is negative");
            }
        }
        this.featureSet = featureSet;
        this.hiddenUnits = hiddenUnits;
        this.parameters = parameters.clone();
        this.inputMeans = inputMeans.clone();
        this.inputVariances = inputVariances.clone();
        this.inputSamples = inputSamples;
    }

    /** Number of parameters of an n→h→1 network: h*n + 2h + 1. */
    public static int parameterCount(int inputs, int hiddenUnits) {
        return hiddenUnits * inputs + 2 * hiddenUnits + 1;
    }

    /** Fresh weights: {@code parameters} with an identity normaliser (mean 0, variance 1, 0 samples). */
    public static NeuralWeights withIdentityNormaliser(FeatureSet featureSet, int hiddenUnits, double[] parameters) {
        double[] variances = new double[featureSet.width()];
        Arrays.fill(variances, 1.0);
        return new NeuralWeights(featureSet, hiddenUnits, parameters, new double[featureSet.width()], variances, 0);
    }

    private static void requireFinite(String name, double[] values) {
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException(name + "[" + k + "]=" + values[k] + " is not finite");
            }
        }
    }

    /** The feature set the network reads. */
    public FeatureSet featureSet() {
        return featureSet;
    }

    /** Input width, the feature set's width. */
    public int inputs() {
        return featureSet.width();
    }

    /** Hidden ReLU units. */
    public int hiddenUnits() {
        return hiddenUnits;
    }

    /** Number of network parameters, {@code h*n + 2h + 1} (49 for 4→8→1). */
    public int parameterCount() {
        return parameters.length;
    }

    /** A copy of the network parameters in the flat layout ({@code h*n + 2h + 1} of them). */
    public double[] parameters() {
        return parameters.clone();
    }

    /** A copy of the normaliser's input means. */
    public double[] inputMeans() {
        return inputMeans.clone();
    }

    /** A copy of the normaliser's input variances. */
    public double[] inputVariances() {
        return inputVariances.clone();
    }

    /** Updates the normaliser had seen. */
    public long inputSamples() {
        return inputSamples;
    }

    /** The L2 norm of the network parameters. */
    public double norm() {
        double squares = 0.0;
        for (double parameter : parameters) {
            squares += parameter * parameter;
        }
        return Math.sqrt(squares);
    }

    /** Copies the network parameters into {@code target}, of {@link #parameterCount()} values; allocates nothing. */
    public void copyParametersTo(double[] target) {
        System.arraycopy(parameters, 0, target, 0, parameters.length);
    }

    /** Copies the normaliser's means and variances into arrays of {@link #inputs()} values; allocates nothing. */
    public void copyInputStatisticsTo(double[] means, double[] variances) {
        System.arraycopy(inputMeans, 0, means, 0, inputMeans.length);
        System.arraycopy(inputVariances, 0, variances, 0, inputVariances.length);
    }

    /** Bytes held by the three arrays. */
    public long footprintBytes() {
        return ArrayBytes.ofDoubles(parameters.length)
                + ArrayBytes.ofDoubles(inputMeans.length)
                + ArrayBytes.ofDoubles(inputVariances.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NeuralWeights that
                && featureSet == that.featureSet
                && hiddenUnits == that.hiddenUnits
                && inputSamples == that.inputSamples
                && Arrays.equals(parameters, that.parameters)
                && Arrays.equals(inputMeans, that.inputMeans)
                && Arrays.equals(inputVariances, that.inputVariances);
    }

    @Override
    public int hashCode() {
        int hash = 31 * featureSet.hashCode() + hiddenUnits;
        hash = 31 * hash + Long.hashCode(inputSamples);
        hash = 31 * hash + Arrays.hashCode(parameters);
        return 31 * (31 * hash + Arrays.hashCode(inputMeans)) + Arrays.hashCode(inputVariances);
    }

    @Override
    public String toString() {
        return "NeuralWeights[" + featureSet.id() + ", " + inputs() + "→" + hiddenUnits + "→1, norm=" + norm()
                + ", inputSamples=" + inputSamples + "]";
    }
}
