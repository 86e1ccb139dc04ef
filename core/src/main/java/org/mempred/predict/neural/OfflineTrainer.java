package org.mempred.predict.neural;

import java.util.SplittableRandom;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.NeuralWeights;
import org.mempred.predict.PredictorConfig;

/**
 * Offline training of the {@code neural} model: epochs of SGD over a recorded {@link
 * TrainingSet}, each epoch in a fresh seeded shuffle (Fisher–Yates from {@code config.seed()}).
 * It trains a {@link NeuralPredictor}, so the steps, clipping and explosion guard are exactly the
 * online ones; only the order and repetition of examples differ. Deterministic for a given set and
 * configuration. The result can be saved with {@link WeightsFile#save}.
 */
public final class OfflineTrainer {
    private OfflineTrainer() {}

    /** Weights after {@code epochs} passes over {@code data}, from a seeded initialisation. */
    public static NeuralWeights train(TrainingSet data, PredictorConfig config, int epochs) {
        return train(data, config, new NeuralPredictor(config), epochs);
    }

    /** Weights after {@code epochs} passes over {@code data}, starting from {@code start}. */
    public static NeuralWeights train(TrainingSet data, PredictorConfig config, NeuralWeights start, int epochs) {
        return train(data, config, new NeuralPredictor(config, start), epochs);
    }

    private static NeuralWeights train(TrainingSet data, PredictorConfig config, NeuralPredictor model, int epochs) {
        if (data.featureSet() != config.featureSet()) {
            throw new IllegalArgumentException(
                    "training set of feature set '" + data.featureSet().id() + "' cannot train a model reading '"
                            + config.featureSet().id() + "'");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs=" + epochs + " must be at least 1");
        }
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(config.seed());
        double[] features = new double[data.featureSet().width()];
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int index : order) {
                data.copyFeatures(index, features);
                model.learn(features, data.label(index));
            }
        }
        return model.weights();
    }

    /**
     * Mean squared error of {@code weights}' raw (unsmoothed) output over {@code data}, in the
     * network's output space: for {@link FeatureSet#DEMAND} weights, against the output each label
     * trains towards ({@link NeuralPredictor#demandOutputFor}), which is what training minimises.
     */
    public static double meanSquaredError(NeuralWeights weights, TrainingSet data) {
        Mlp network = new Mlp(weights.inputs(), weights.hiddenUnits());
        InputNormaliser normaliser = new InputNormaliser(weights.inputs());
        network.load(weights);
        normaliser.load(weights);
        double[] features = new double[weights.inputs()];
        double[] standardised = new double[weights.inputs()];
        double squares = 0.0;
        for (int i = 0; i < data.size(); i++) {
            data.copyFeatures(i, features);
            normaliser.apply(features, standardised);
            double wanted = weights.featureSet() == FeatureSet.DEMAND
                    ? NeuralPredictor.demandOutputFor(features, data.label(i))
                    : data.label(i);
            double error = network.predict(standardised) - wanted;
            squares += error * error;
        }
        return squares / data.size();
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
