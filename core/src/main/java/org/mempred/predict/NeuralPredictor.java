package org.mempred.predict;

import org.mempred.telemetry.ArrayBytes;
import org.mempred.telemetry.Sample;

/**
 * Predictor {@code neural}: the report's n→8→1 network ({@link Mlp}) trained online by SGD from
 * delayed labels, with normalised inputs, a smoothed output and guarded weights.
 *
 * <ul>
 *   <li>Inputs: the configured {@link FeatureSet} (4 for {@code seed}), bounded by the set itself,
 *       then standardised by an {@link InputNormaliser} whose statistics are updated from each
 *       labelled example (so predict only subtracts and multiplies).
 *   <li>Output: {@code s = alpha * q + (1 - alpha) * s_previous}, an exponential moving average of
 *       the sigmoid output {@code q} (alpha = {@link NeuralConfig#emaAlpha()}); training uses the
 *       raw {@code q}, recomputed from the stored features.
 *   <li>Training: per label, update the normaliser, then one clipped SGD step ({@link Mlp#train}).
 *   <li>Safety: after every step the weights are checked; non-finite weights or an L2 norm above
 *       {@link NeuralConfig#maxWeightNorm()} count as an explosion, and the model (network and
 *       normaliser) returns to its starting weights, seeded or loaded, with its smoothing
 *       restarted. Each is counted in {@link #reinitialisations()}.
 * </ul>
 *
 * <p>State: primitive arrays only; nothing is allocated per predict or learn (JMH {@code
 * PredictorBenchmark} with {@code -prof gc}).
 */
public final class NeuralPredictor implements Predictor {
    private final FeatureSet featureSet;
    private final long horizonNanos;
    private final NeuralConfig settings;
    private final NeuralWeights start;
    private final Mlp network;
    private final InputNormaliser normaliser;
    private final double[] standardised;
    private double smoothed = Double.NaN;
    private long updates;
    private long clippedUpdates;
    private long reinitialisations;

    /** A network initialised from {@code config.seed()} (He/Xavier), identity normaliser. */
    public NeuralPredictor(PredictorConfig config) {
        this(config, seededWeights(config));
    }

    /** A model starting from {@code start} (e.g. pre-trained), which must match the config. */
    public NeuralPredictor(PredictorConfig config, NeuralWeights start) {
        if (start.featureSet() != config.featureSet()
                || start.hiddenUnits() != config.neural().hiddenUnits()) {
            throw new IllegalArgumentException("weights " + start + " do not fit feature set "
                    + config.featureSet().id() + " with " + config.neural().hiddenUnits() + " hidden units");
        }
        if (start.norm() > config.neural().maxWeightNorm()) {
            throw new IllegalArgumentException("weights norm=" + start.norm() + " exceeds maxWeightNorm="
                    + config.neural().maxWeightNorm());
        }
        this.featureSet = config.featureSet();
        this.horizonNanos = config.horizonNanos();
        this.settings = config.neural();
        this.start = start;
        this.network = new Mlp(featureSet.width(), settings.hiddenUnits());
        this.normaliser = new InputNormaliser(featureSet.width());
        this.standardised = new double[featureSet.width()];
        start.loadInto(network, normaliser);
    }

    /** The seeded starting weights {@link #NeuralPredictor(PredictorConfig)} uses. */
    public static NeuralWeights seededWeights(PredictorConfig config) {
        Mlp seeded = new Mlp(config.featureSet().width(), config.neural().hiddenUnits());
        seeded.initialise(config.seed());
        return NeuralWeights.withIdentityNormaliser(
                config.featureSet(), config.neural().hiddenUnits(), seeded.copyOfParameters());
    }

    @Override
    public String name() {
        return Predictors.NEURAL;
    }

    @Override
    public FeatureSet featureSet() {
        return featureSet;
    }

    @Override
    public long horizonNanos() {
        return horizonNanos;
    }

    @Override
    public double predict(Sample sample, double[] features) {
        Checks.requireWidth(features, featureSet);
        normaliser.apply(features, standardised);
        double raw = network.predict(standardised);
        double alpha = settings.emaAlpha();
        smoothed = Double.isFinite(smoothed) ? alpha * raw + (1.0 - alpha) * smoothed : raw;
        return smoothed;
    }

    @Override
    public void learn(double[] features, double peakPressure) {
        Checks.requireLearnable(features, featureSet, peakPressure);
        normaliser.update(features);
        normaliser.apply(features, standardised);
        if (network.train(standardised, peakPressure, settings.learningRate(), settings.clipNorm())) {
            clippedUpdates++;
        }
        updates++;
        if (!network.isHealthy(settings.maxWeightNorm())) {
            start.loadInto(network, normaliser);
            smoothed = Double.NaN;
            reinitialisations++;
        }
    }

    /** A snapshot of the current model, e.g. to save with {@link WeightsFile#save}. */
    public NeuralWeights weights() {
        return new NeuralWeights(
                featureSet,
                settings.hiddenUnits(),
                network.copyOfParameters(),
                normaliser.copyOfMeans(),
                normaliser.copyOfVariances(),
                normaliser.samples());
    }

    /** SGD steps taken (one per label). */
    public long updates() {
        return updates;
    }

    /** Steps whose gradient norm exceeded the clip bound and was scaled down. */
    public long clippedUpdates() {
        return clippedUpdates;
    }

    /** Times exploding weights were detected and the model re-initialised. */
    public long reinitialisations() {
        return reinitialisations;
    }

    /**
     * Weights: the network's parameters and the normaliser's statistics. Optimiser state: the
     * training scratch (activations, deltas, standardised inputs) and the starting weights kept
     * for re-initialisation.
     */
    @Override
    public Footprint footprint() {
        long scratch = network.scratchBytes() + ArrayBytes.ofDoubles(standardised.length);
        return new Footprint(
                network.parameterBytes() + normaliser.footprintBytes(), scratch + start.footprintBytes(), 0);
    }
}
