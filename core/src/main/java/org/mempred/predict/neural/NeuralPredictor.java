package org.mempred.predict.neural;

import org.mempred.predict.Checks;
import org.mempred.predict.FeatureExtractor;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.Footprint;
import org.mempred.predict.NeuralConfig;
import org.mempred.predict.NeuralWeights;
import org.mempred.predict.Predictor;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.Target;
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
 *   <li>Demand ({@link Target#DEMAND}, {@link FeatureSet#DEMAND} inputs): the network forecasts a
 *       shift of the recent demand on the log scale of input 2: {@code forecast = 2^(24 (z - 1))}
 *       with {@code z = x2 + (q - 1/2) * SHIFT_RANGE}, so {@code q = 1/2} means "as in the last H"
 *       and the range is {@value #SHIFT_OCTAVES} octaves either way. A label {@code y} trains
 *       {@code q} towards {@code 1/2 + (logScale(y) - x2) / SHIFT_RANGE}, clipped to [0, 1]. The
 *       network thus learns how demand changes relative to the recent past, which does not depend
 *       on the heap's size: weights trained on a 100 KiB heap carry to a 10 MB one.
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
    /** The name it is created by (see the forecaster registry, {@code PolicySpec.Forecaster} in {@code govern}). */
    public static final String NAME = "neural";

    /** Octaves a demand forecast may lie above or below the recent demand. */
    public static final double SHIFT_OCTAVES = 3.0;

    private static final double SHIFT_RANGE = 2 * SHIFT_OCTAVES / FeatureExtractor.DEMAND_OCTAVES;
    private static final int RECENT_DEMAND = 2;

    private final FeatureSet featureSet;
    private final long horizonNanos;
    private final boolean demand;
    private final NeuralConfig settings;
    private final NeuralWeights start;
    private final Mlp network;
    private final InputNormaliser normaliser;
    private final double[] standardised;
    private final double learningRate;
    private final double clipNorm;
    private final double maxWeightNorm;
    private final double emaAlpha;
    private final double emaKeep;
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
        this.demand = config.target() == Target.DEMAND;
        if (demand && featureSet != FeatureSet.DEMAND) {
            throw new IllegalArgumentException(
                    "a neural forecast of demand reads the 'demand' feature set, not '" + featureSet.id() + "'");
        }
        this.settings = config.neural();
        this.learningRate = settings.learningRate();
        this.clipNorm = settings.clipNorm();
        this.maxWeightNorm = settings.maxWeightNorm();
        this.emaAlpha = settings.emaAlpha();
        this.emaKeep = 1.0 - emaAlpha;
        this.start = start;
        this.network = new Mlp(featureSet.width(), settings.hiddenUnits());
        this.normaliser = new InputNormaliser(featureSet.width());
        this.standardised = new double[featureSet.width()];
        network.load(start);
        normaliser.load(start);
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
        return NAME;
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
        smoothed = Double.isFinite(smoothed) ? emaAlpha * raw + emaKeep * smoothed : raw;
        if (!demand || !Double.isFinite(smoothed)) {
            return smoothed;
        }
        return FeatureExtractor.fromLogScale(features[RECENT_DEMAND] + (smoothed - 0.5) * SHIFT_RANGE);
    }

    /** What the network's output should have been for {@code label}. */
    private double outputFor(double[] features, double label) {
        return demand ? demandOutputFor(features, label) : label;
    }

    /** The output a demand network trains towards for {@code label}, given its DEMAND inputs. */
    static double demandOutputFor(double[] features, double label) {
        double shift = (FeatureExtractor.logScale(label) - features[RECENT_DEMAND]) / SHIFT_RANGE;
        return Math.max(0.0, Math.min(1.0, 0.5 + shift));
    }

    @Override
    public void learn(double[] features, double peakPressure) {
        Checks.requireLearnable(features, featureSet, peakPressure);
        normaliser.updateAndApply(features, standardised);
        double wanted = outputFor(features, peakPressure);
        if (network.train(standardised, wanted, learningRate, clipNorm)) {
            clippedUpdates++;
        }
        updates++;
        if (!network.isHealthy(maxWeightNorm)) {
            network.load(start);
            normaliser.load(start);
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
