package org.mempred.predict.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.Footprint;
import org.mempred.predict.NeuralConfig;
import org.mempred.predict.NeuralWeights;
import org.mempred.predict.PredictionCheck;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.SyntheticSeries;
import org.mempred.telemetry.Sample;

class NeuralPredictorTest {
    private static final List<Sample> SERIES = SyntheticSeries.samples(SyntheticSeries.burstPressures(400, 2), 2);

    @Test
    void theDefaultNetworkIsFourEightOneWithFortyNineParameters() {
        NeuralWeights weights = new NeuralPredictor(PredictorConfig.DEFAULTS).weights();

        assertThat(weights.inputs()).isEqualTo(4);
        assertThat(weights.hiddenUnits()).isEqualTo(8);
        assertThat(weights.parameterCount()).isEqualTo(4 * 8 + 8 + 8 + 1);
        assertThat(new NeuralPredictor(PredictorConfig.DEFAULTS.withFeatureSet(FeatureSet.RICH))
                        .weights()
                        .parameterCount())
                .isEqualTo(6 * 8 + 8 + 8 + 1);
    }

    @Test
    void initialisationIsSeededHeForTheHiddenLayerAndZeroForBiases() {
        NeuralWeights one = NeuralPredictor.seededWeights(PredictorConfig.DEFAULTS.withSeed(1));
        NeuralWeights again = NeuralPredictor.seededWeights(PredictorConfig.DEFAULTS.withSeed(1));
        NeuralWeights other = NeuralPredictor.seededWeights(PredictorConfig.DEFAULTS.withSeed(2));

        assertThat(one).isEqualTo(again).isNotEqualTo(other);
        double[] parameters = one.parameters();
        for (int bias = 32; bias < 40; bias++) {
            assertThat(parameters[bias]).isZero();
        }
        assertThat(parameters[48]).isZero();
        double squares = 0;
        for (int k = 0; k < 32; k++) {
            squares += parameters[k] * parameters[k];
        }
        assertThat(Math.sqrt(squares / 32)).as("sd of W1, He: sqrt(2/4) = 0.71").isBetween(0.35, 1.1);
    }

    @Test
    void outputIsAnExponentialMovingAverageOfTheNetwork() {
        PredictorConfig smoothed = PredictorConfig.DEFAULTS;
        PredictorConfig raw = PredictorConfig.DEFAULTS.withNeural(NeuralConfig.DEFAULTS.withEmaAlpha(1.0));
        NeuralPredictor withEma = new NeuralPredictor(smoothed);
        NeuralPredictor without = new NeuralPredictor(raw);
        double[] first = {0.1, 0.9, 0.0, 0.1};
        double[] second = {0.9, 0.1, 0.5, 0.1};

        double q1 = without.predict(SERIES.get(0), first);
        double q2 = without.predict(SERIES.get(1), second);

        assertThat(withEma.predict(SERIES.get(0), first)).isEqualTo(q1);
        assertThat(withEma.predict(SERIES.get(1), second)).isCloseTo(0.5 * q2 + 0.5 * q1, within(1e-15));
    }

    @Test
    void explodingWeightsAreDetectedCountedAndResetToTheStartingWeights() {
        PredictorConfig fragile = PredictorConfig.DEFAULTS.withNeural(
                NeuralConfig.DEFAULTS.withLearningRate(50.0).withMaxWeightNorm(8.0));
        NeuralPredictor predictor = new NeuralPredictor(fragile);
        NeuralWeights start = predictor.weights();
        double[] features = {1.0, 0.0, 1.0, 0.0};

        for (int i = 0; i < 200 && predictor.reinitialisations() == 0; i++) {
            features[1] = i % 2;
            predictor.learn(features, i % 2 == 0 ? 1.0 : 0.0);
        }

        assertThat(predictor.reinitialisations()).isEqualTo(1);
        assertThat(predictor.weights()).isEqualTo(start);
        assertThat(predictor.updates()).isGreaterThanOrEqualTo(predictor.reinitialisations());
    }

    @Test
    void aClippedStepMovesTheParametersByExactlyTheLearningRateTimesTheClipNorm() {
        double clipNorm = 1e-3;
        PredictorConfig clipped = PredictorConfig.DEFAULTS.withNeural(new NeuralConfig(8, 0.01, clipNorm, 0.5, 1000));
        NeuralPredictor predictor = new NeuralPredictor(clipped);
        double[] features = {0.3, 0.6, 0.1, 0.1};
        for (int i = 0; i < 20; i++) {
            double[] before = predictor.weights().parameters();
            features[0] = 0.05 * i;

            predictor.learn(features, 0.95);

            double[] after = predictor.weights().parameters();
            double squares = 0;
            for (int k = 0; k < after.length; k++) {
                squares += (after[k] - before[k]) * (after[k] - before[k]);
            }
            assertThat(Math.sqrt(squares)).as("step %d", i).isCloseTo(0.01 * clipNorm, within(1e-12));
        }
        assertThat(predictor.clippedUpdates()).isEqualTo(predictor.updates()).isEqualTo(20);
    }

    @Test
    void nonFiniteWeightsCountAsExplodedToo() {
        PredictorConfig reckless = PredictorConfig.DEFAULTS.withNeural(
                NeuralConfig.DEFAULTS.withLearningRate(1e308).withMaxWeightNorm(Double.MAX_VALUE));
        NeuralPredictor predictor = new NeuralPredictor(reckless);
        double[] features = {1.0, 1.0, 1.0, 1.0};

        for (int i = 0; i < 10 && predictor.reinitialisations() == 0; i++) {
            predictor.learn(features, i % 2);
        }

        assertThat(predictor.reinitialisations()).isEqualTo(1);
        assertThat(PredictionCheck.of(predictor.predict(SERIES.get(0), features)))
                .isEqualTo(PredictionCheck.VALID);
    }

    @Test
    void startingWeightsMustFitTheConfiguration() {
        NeuralWeights rich = new NeuralPredictor(PredictorConfig.DEFAULTS.withFeatureSet(FeatureSet.RICH)).weights();

        assertThatThrownBy(() -> new NeuralPredictor(PredictorConfig.DEFAULTS, rich))
                .hasMessageContaining("do not fit feature set seed with 8 hidden units");
        NeuralWeights seed = new NeuralPredictor(PredictorConfig.DEFAULTS).weights();
        PredictorConfig tight = PredictorConfig.DEFAULTS.withNeural(NeuralConfig.DEFAULTS.withMaxWeightNorm(0.5));
        assertThatThrownBy(() -> new NeuralPredictor(tight, seed)).hasMessageContaining("exceeds maxWeightNorm=0.5");
    }

    @Test
    void footprintIsComputedFromTheArrays() {
        Footprint footprint = new NeuralPredictor(PredictorConfig.DEFAULTS).footprint();

        // weights: double[49] = 16 + 392 = 408; normaliser: 3 x double[4] = 3 x 48
        assertThat(footprint.weightsBytes()).isEqualTo(408 + 3 * 48);
        // scratch: activations and deltas double[8] = 2 x 80, inputs double[4] = 48;
        // restart copy: double[49] + 2 x double[4] = 408 + 96
        assertThat(footprint.optimiserStateBytes()).isEqualTo(2 * 80 + 48 + 408 + 96);
        assertThat(footprint.historyBytes()).isZero();
    }

    @Test
    void weightsRejectWrongShapesAndNonFiniteNumbers() {
        double[] ok = new double[49];
        double[] four = new double[4];

        assertThatThrownBy(() -> new NeuralWeights(FeatureSet.SEED, 8, new double[48], four, four, 0))
                .hasMessageContaining("parameters.length=48 but a 4→8→1 network has 49");
        assertThatThrownBy(() -> new NeuralWeights(FeatureSet.SEED, 8, ok, new double[3], four, 0))
                .hasMessageContaining("inputMeans.length=3");
        double[] nan = ok.clone();
        nan[7] = Double.NaN;
        assertThatThrownBy(() -> new NeuralWeights(FeatureSet.SEED, 8, nan, four, four, 0))
                .hasMessageContaining("parameters[7]=NaN is not finite");
        assertThatThrownBy(() -> new NeuralWeights(FeatureSet.SEED, 0, ok, four, four, 0))
                .hasMessageContaining("hiddenUnits=0");
    }

    @Test
    void configurationRangesAreChecked() {
        assertThatThrownBy(() -> new NeuralConfig(0, 0.01, 1, 0.5, 10)).hasMessageContaining("hiddenUnits=0");
        assertThatThrownBy(() -> new NeuralConfig(8, -1, 1, 0.5, 10)).hasMessageContaining("learningRate=-1.0");
        assertThatThrownBy(() -> new NeuralConfig(8, 0.01, 1, 0, 10)).hasMessageContaining("emaAlpha=0.0");
        assertThatThrownBy(() -> new NeuralConfig(8, 0.01, Double.POSITIVE_INFINITY, 0.5, 10))
                .hasMessageContaining("clipNorm=Infinity");
    }
}
