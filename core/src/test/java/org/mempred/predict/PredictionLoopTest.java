package org.mempred.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mempred.telemetry.Sample;

class PredictionLoopTest {
    private static final List<Sample> SERIES = SyntheticSeries.samples(SyntheticSeries.rampPressures(40), 4);

    /** A faulty predictor returning a fixed script of outputs, as a governor test would use. */
    private static class Scripted implements Predictor {
        private final double[] outputs;
        private int next;
        private int learned;

        Scripted(double... outputs) {
            this.outputs = outputs;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public FeatureSet featureSet() {
            return FeatureSet.SEED;
        }

        @Override
        public long horizonNanos() {
            return PredictorConfig.DEFAULT_HORIZON_NANOS;
        }

        @Override
        public double predict(Sample sample, double[] features) {
            return outputs[next++ % outputs.length];
        }

        @Override
        public void learn(double[] features, double peakPressure) {
            learned++;
        }

        @Override
        public Footprint footprint() {
            return new Footprint(8, 16, 24);
        }
    }

    @Test
    void invalidPredictionsAreReturnedUnclampedClassifiedAndCounted() {
        PredictionLoop loop =
                new PredictionLoop(new Scripted(Double.NaN, Double.POSITIVE_INFINITY, -0.1, 1.1, 0.5, 1.0, 0.0));

        assertThat(loop.step(SERIES.get(0))).isNaN();
        assertThat(loop.lastCheck()).isEqualTo(PredictionCheck.NAN);
        assertThat(loop.step(SERIES.get(1))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(loop.lastCheck()).isEqualTo(PredictionCheck.INFINITE);
        assertThat(loop.step(SERIES.get(2))).isEqualTo(-0.1);
        assertThat(loop.lastCheck()).isEqualTo(PredictionCheck.BELOW_ZERO);
        assertThat(loop.step(SERIES.get(3))).isEqualTo(1.1);
        assertThat(loop.lastCheck()).isEqualTo(PredictionCheck.ABOVE_ONE);
        for (int i = 4; i < 7; i++) {
            loop.step(SERIES.get(i));
            assertThat(loop.lastCheck().isValid()).isTrue();
        }

        assertThat(loop.invalidPredictions()).isEqualTo(4);
        assertThat(loop.count(PredictionCheck.VALID)).isEqualTo(3);
        assertThat(loop.count(PredictionCheck.NAN)).isEqualTo(1);
    }

    @Test
    void thePredictorLearnsEachLabelOnceBeforeTheObserverSeesIt() {
        Scripted predictor = new Scripted(0.5);
        int[] learnedWhenObserved = new int[SERIES.size()];
        int[] observed = new int[1];
        PredictionLoop loop = new PredictionLoop(
                predictor,
                16,
                (t, p, theta, reference, q, y, f) -> learnedWhenObserved[observed[0]++] = predictor.learned);

        SERIES.forEach(loop::step);

        assertThat(observed[0]).isEqualTo(SERIES.size() - 10).isEqualTo(predictor.learned);
        for (int i = 0; i < observed[0]; i++) {
            assertThat(learnedWhenObserved[i]).isEqualTo(i + 1);
        }
        assertThat(loop.labeler().labels()).isEqualTo(observed[0]);
        assertThat(loop.predictor()).isSameAs(predictor);
    }

    @Test
    void labelsAreAdvancedBeforeAndApartFromThePrediction() {
        Scripted predictor = new Scripted(0.5);
        PredictionLoop loop = new PredictionLoop(predictor);
        Sample first = SERIES.get(0);

        assertThatThrownBy(() -> loop.predict(first)).hasMessageContaining("before its labels");
        loop.advanceLabels(first);
        assertThat(predictor.next).isZero(); // advancing labels predicts nothing
        assertThat(loop.predict(first)).isEqualTo(0.5);
        assertThatThrownBy(() -> loop.predict(SERIES.get(1))).hasMessageContaining("before its labels");
    }

    @Test
    void footprintAddsTheLabelHistoryToThePredictors() {
        PredictionLoop loop = new PredictionLoop(new Scripted(0.5), 16, LabelListener.NONE);

        Footprint footprint = loop.footprint();

        assertThat(footprint.weightsBytes()).isEqualTo(8);
        assertThat(footprint.optimiserStateBytes()).isEqualTo(16);
        assertThat(footprint.historyBytes()).isEqualTo(24 + loop.labeler().footprintBytes());
    }

    @Test
    void historyCapacityCoversEveryPendingPrediction() {
        assertThat(PredictionLoop.historyCapacityFor(5_000_000_000L, 500_000_000L))
                .isEqualTo(12);
        assertThat(PredictionLoop.historyCapacityFor(5_000_000_000L, 100_000_000L))
                .isEqualTo(52);
        assertThatThrownBy(() -> PredictionLoop.historyCapacityFor(0, 1)).hasMessageContaining("horizonNanos=0");
    }

    @Test
    void aThrowingPredictorPropagatesToTheCaller() {
        Predictor broken = new Scripted(0.5) {
            @Override
            public double predict(Sample sample, double[] features) {
                throw new IllegalStateException("broken");
            }
        };
        PredictionLoop loop = new PredictionLoop(broken);

        assertThatThrownBy(() -> loop.step(SERIES.get(0))).hasMessage("broken");
    }
}
