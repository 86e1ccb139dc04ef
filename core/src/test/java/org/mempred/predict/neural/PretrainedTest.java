package org.mempred.predict.neural;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.NeuralConfig;
import org.mempred.predict.NeuralWeights;
import org.mempred.predict.PredictorConfig;

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
    void weightsStartANetworkAtAnyHorizonButNotOfAnotherShape() {
        PredictorConfig shorter = PredictorConfig.DEFAULTS.withHorizonNanos(500_000_000L);
        assertThat(Pretrained.weightsFor(shorter)).isEqualTo(Pretrained.weightsFor(PredictorConfig.DEFAULTS));
        PredictorConfig wider = PredictorConfig.DEFAULTS.withNeural(new NeuralConfig(16, 0.01, 1.0, 0.5, 1000.0));
        assertThat(Pretrained.weightsFor(wider)).isNull();
        assertThat(Pretrained.neural(wider).weights()).isEqualTo(NeuralPredictor.seededWeights(wider));
    }

    @Test
    void configuredWeightsReplaceTheShippedOnesEvenAtAnotherHorizon() {
        NeuralWeights own = NeuralPredictor.seededWeights(PredictorConfig.DEFAULTS.withSeed(42));
        assertThat(Pretrained.neural(PredictorConfig.DEFAULTS.withWeights(own)).weights())
                .isEqualTo(own);
        PredictorConfig longer =
                PredictorConfig.DEFAULTS.withHorizonNanos(10_000_000_000L).withWeights(own);
        assertThat(Pretrained.neural(longer).weights()).isEqualTo(own);
        assertThat(longer.withSeed(3).weights()).as("kept by every with-method").isSameAs(own);
    }
}
