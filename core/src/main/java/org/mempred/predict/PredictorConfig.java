package org.mempred.predict;

/**
 * What the named-predictor registry (the forecaster registry, {@code PolicySpec.Forecaster} in {@code govern}) needs to build any named predictor.
 *
 * @param horizonNanos the horizon H the forecast covers (default 5 s)
 * @param featureSet the inputs learners read (default {@link FeatureSet#SEED})
 * @param seed seed of every random choice (weight initialisation, shuffling)
 * @param neural hyper-parameters of the {@code neural} predictor
 * @param future the true future, for {@code oracle} only; {@code null} for every other predictor
 * @param target what is forecast (default {@link Target#PEAK_PRESSURE}; the demand policies set
 *     {@link Target#DEMAND} with the {@link FeatureSet#DEMAND} inputs through {@link #forDemand()})
 * @param weights the starting weights of the {@code neural} policies whose feature set they fit
 *     (e.g. from {@code mempred train --out}); {@code null} for the shipped pre-trained ones
 *     ({@code Pretrained} in {@code predict.neural})
 */
public record PredictorConfig(
        long horizonNanos,
        FeatureSet featureSet,
        long seed,
        NeuralConfig neural,
        FutureView future,
        Target target,
        NeuralWeights weights) {

    /** Default horizon H: 5 seconds. */
    public static final long DEFAULT_HORIZON_NANOS = 5_000_000_000L;

    /** Default seed. */
    public static final long DEFAULT_SEED = 1L;

    /** Horizon 5 s, {@code seed} features, seed 1, the design's neural settings, no future, peak, shipped weights. */
    public static final PredictorConfig DEFAULTS = new PredictorConfig(
            DEFAULT_HORIZON_NANOS,
            FeatureSet.SEED,
            DEFAULT_SEED,
            NeuralConfig.DEFAULTS,
            null,
            Target.PEAK_PRESSURE,
            null);

    /** Checks the horizon and the required components. */
    public PredictorConfig {
        if (horizonNanos <= 0) {
            throw new IllegalArgumentException("horizonNanos=" + horizonNanos + " must be positive");
        }
        if (featureSet == null || neural == null || target == null) {
            throw new IllegalArgumentException(
                    "featureSet=" + featureSet + ", neural=" + neural + " and target=" + target + " are required");
        }
    }

    /** This configuration with another horizon. */
    public PredictorConfig withHorizonNanos(long nanos) {
        return new PredictorConfig(nanos, featureSet, seed, neural, future, target, weights);
    }

    /** This configuration with another feature set. */
    public PredictorConfig withFeatureSet(FeatureSet set) {
        return new PredictorConfig(horizonNanos, set, seed, neural, future, target, weights);
    }

    /** This configuration with another seed. */
    public PredictorConfig withSeed(long newSeed) {
        return new PredictorConfig(horizonNanos, featureSet, newSeed, neural, future, target, weights);
    }

    /** This configuration with other neural settings. */
    public PredictorConfig withNeural(NeuralConfig settings) {
        return new PredictorConfig(horizonNanos, featureSet, seed, settings, future, target, weights);
    }

    /** This configuration with the true future, which only {@code oracle} reads. */
    public PredictorConfig withFuture(FutureView view) {
        return new PredictorConfig(horizonNanos, featureSet, seed, neural, view, target, weights);
    }

    /** This configuration forecasting {@code newTarget}. */
    public PredictorConfig withTarget(Target newTarget) {
        return new PredictorConfig(horizonNanos, featureSet, seed, neural, future, newTarget, weights);
    }

    /** This configuration forecasting the volume from the {@link FeatureSet#VOLUME} inputs. */
    public PredictorConfig forVolume() {
        return new PredictorConfig(horizonNanos, FeatureSet.VOLUME, seed, neural, future, Target.VOLUME, weights);
    }

    /** This configuration forecasting the largest request from the {@link FeatureSet#DEMAND} inputs. */
    public PredictorConfig forDemand() {
        return new PredictorConfig(horizonNanos, FeatureSet.DEMAND, seed, neural, future, Target.DEMAND, weights);
    }

    /** This configuration with other starting weights for {@code neural} ({@code null}: the shipped ones). */
    public PredictorConfig withWeights(NeuralWeights start) {
        return new PredictorConfig(horizonNanos, featureSet, seed, neural, future, target, start);
    }
}
