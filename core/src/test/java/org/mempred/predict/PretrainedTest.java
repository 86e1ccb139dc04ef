package org.mempred.predict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PretrainedTest {

    @Test
    void shippedSeedWeightsLoadAndFitTheDefaultConfiguration() {
        NeuralWeights weights = Pretrained.weightsFor(PredictorConfig.DEFAULTS);
        assertThat(weights).isNotNull();
        assertThat(weights.featureSet()).isEqualTo(FeatureSet.SEED);
        assertThat(weights).isNotEqualTo(NeuralPredictor.seededWeights(PredictorConfig.DEFAULTS));
        assertThat(Pretrained.neural(PredictorConfig.DEFAULTS).weights()).isEqualTo(weights);
    }

    @Test
    void weightsAreNotUsedOutsideTheHorizonTheyWereTrainedFor() {
        PredictorConfig longer = PredictorConfig.DEFAULTS.withHorizonNanos(10_000_000_000L);
        assertThat(Pretrained.weightsFor(longer)).isNull();
        assertThat(Pretrained.neural(longer).weights()).isEqualTo(NeuralPredictor.seededWeights(longer));
    }
}
