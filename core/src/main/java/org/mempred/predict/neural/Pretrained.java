package org.mempred.predict.neural;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.NeuralConfig;
import org.mempred.predict.NeuralWeights;
import org.mempred.predict.PredictorConfig;

/**
 * The pre-trained weights that ship with mempred, one file per feature set, as class-path
 * resources {@code org/mempred/predict/pretrained-<feature set>.json} in the {@link WeightsFile}
 * format. Each file's {@code origin} names the command that produced it ({@code mempred train},
 * on lab workloads whose seeds are disjoint from the seeds experiments evaluate on).
 *
 * <p>The weights were trained at the default horizon (5 s) and are used at any horizon: the network
 * keeps learning online, and a trained start is closer to any horizon's answer than random weights
 * are. They fit only the default hidden-layer size: for another size, and for a feature set with
 * no file, {@link #weightsFor} returns {@code null} and callers start from seeded random weights. A shipped file that fails its
 * checksum or version check is a build defect and throws. Loaded once per feature set.
 */
public final class Pretrained {
    private static final Map<FeatureSet, NeuralWeights> CACHE = new EnumMap<>(FeatureSet.class);
    private static final Map<FeatureSet, Boolean> LOOKED_UP = new EnumMap<>(FeatureSet.class);

    private Pretrained() {}

    /** The resource name of the weights for {@code featureSet}. */
    public static String resourceName(FeatureSet featureSet) {
        return "pretrained-" + featureSet.id() + ".json";
    }

    /** The shipped weights that fit {@code config}, or {@code null} when none do. */
    public static NeuralWeights weightsFor(PredictorConfig config) {
        // Trained at the default 5 s horizon, but used at any: the network keeps learning online, and
        // a trained start is closer to any horizon's answer than random weights are.
        if (config.neural().hiddenUnits() != NeuralConfig.DEFAULTS.hiddenUnits()) {
            return null;
        }
        return load(config.featureSet());
    }

    /**
     * A neural predictor starting from the configuration's own weights when it has some, else from
     * the shipped weights when they fit, else from seeded weights.
     */
    public static NeuralPredictor neural(PredictorConfig config) {
        NeuralWeights own = config.weights();
        if (own != null && own.featureSet() != config.featureSet()) {
            throw new IllegalArgumentException(
                    "the weights are for feature set '" + own.featureSet().id()
                            + "', but this policy's network reads '"
                            + config.featureSet().id() + "' (train with --target "
                            + config.target().id() + ")");
        }
        NeuralWeights weights = own != null ? own : weightsFor(config);
        return weights == null ? new NeuralPredictor(config) : new NeuralPredictor(config, weights);
    }

    private static synchronized NeuralWeights load(FeatureSet featureSet) {
        if (!LOOKED_UP.containsKey(featureSet)) {
            LOOKED_UP.put(featureSet, Boolean.TRUE);
            String name = resourceName(featureSet);
            try (InputStream in = Pretrained.class.getResourceAsStream(name)) {
                if (in != null) {
                    CACHE.put(featureSet, WeightsFile.read(in, "class-path resource " + name));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read shipped weights " + name, e);
            }
        }
        return CACHE.get(featureSet);
    }
}
