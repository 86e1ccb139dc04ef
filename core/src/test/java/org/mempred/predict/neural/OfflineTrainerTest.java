package org.mempred.predict.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.NeuralWeights;
import org.mempred.predict.PersistencePredictor;
import org.mempred.predict.PredictionLoop;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.SyntheticSeries;
import org.mempred.predict.accuracy.AccuracyEvaluator;
import org.mempred.telemetry.Sample;

class OfflineTrainerTest {
    @TempDir
    Path directory;

    @Test
    void trainingSetsFromSamplesMatchTheOnlineLabels() {
        List<Sample> samples = SyntheticSeries.samples(SyntheticSeries.burstPressures(500, 1), 1);
        TrainingSetRecorder online = new TrainingSetRecorder(FeatureSet.SEED);
        PredictionLoop loop = new PredictionLoop(new PersistencePredictor(PredictorConfig.DEFAULTS), 16, online);
        samples.forEach(loop::step);

        TrainingSet offline = TrainingSet.fromSamples(samples, FeatureSet.SEED, PredictorConfig.DEFAULT_HORIZON_NANOS);

        assertThat(offline).isEqualTo(online.toTrainingSet()).hasSameHashCodeAs(online.toTrainingSet());
        assertThat(offline.size()).isEqualTo(samples.size() - 10);
    }

    @Test
    void epochsOfOfflineTrainingLowerTheErrorAndTheResultSavesAndLoads() throws IOException {
        List<Sample> samples = SyntheticSeries.samples(SyntheticSeries.burstPressures(4_000, 3), 3);
        TrainingSet data = TrainingSet.fromSamples(samples, FeatureSet.SEED, PredictorConfig.DEFAULT_HORIZON_NANOS);
        PredictorConfig config = PredictorConfig.DEFAULTS.withSeed(3);

        NeuralWeights oneEpoch = OfflineTrainer.train(data, config, 1);
        NeuralWeights tenEpochs = OfflineTrainer.train(data, config, 10);
        NeuralWeights moreFromOne = OfflineTrainer.train(data, config, oneEpoch, 9);
        double persistence = persistenceMeanSquaredError(samples);

        assertThat(OfflineTrainer.meanSquaredError(tenEpochs, data))
                .isLessThan(OfflineTrainer.meanSquaredError(oneEpoch, data))
                .isLessThan(persistence);
        assertThat(OfflineTrainer.train(data, config, 10)).as("deterministic").isEqualTo(tenEpochs);
        assertThat(moreFromOne.inputSamples()).isEqualTo(10L * data.size());
        Path file = directory.resolve("trained.json");
        WeightsFile.save(file, tenEpochs, "offline: 10 epochs, burst seed 3");
        assertThat(WeightsFile.load(file, config)).isEqualTo(tenEpochs);
    }

    @Test
    void rejectsAMismatchedSetAndNoEpochs() {
        TrainingSet rich = new TrainingSet(FeatureSet.RICH, new double[6], new double[] {0.5});

        assertThatThrownBy(() -> OfflineTrainer.train(rich, PredictorConfig.DEFAULTS, 1))
                .hasMessageContaining("feature set 'rich' cannot train a model reading 'seed'");
        TrainingSet seed = new TrainingSet(FeatureSet.SEED, new double[4], new double[] {0.5});
        assertThatThrownBy(() -> OfflineTrainer.train(seed, PredictorConfig.DEFAULTS, 0))
                .hasMessageContaining("epochs=0");
        assertThatThrownBy(() -> new TrainingSet(FeatureSet.SEED, new double[3], new double[] {0.5}))
                .hasMessageContaining("features.length=3");
        assertThatThrownBy(() -> new TrainingSet(FeatureSet.SEED, new double[4], new double[] {1.5}))
                .hasMessageContaining("labels[0]=1.5");
    }

    /** MSE of predicting the current pressure, over the same labelled examples. */
    private static double persistenceMeanSquaredError(List<Sample> samples) {
        AccuracyEvaluator evaluator = new AccuracyEvaluator();
        PredictionLoop loop = new PredictionLoop(new PersistencePredictor(PredictorConfig.DEFAULTS), 16, evaluator);
        samples.forEach(loop::step);
        return evaluator.report().overall().meanSquaredError();
    }
}
