package org.mempred.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mempred.telemetry.Sample;

class DelayedLabelerTest {
    private static final long HORIZON_NANOS = 5_000L;

    /** One delivered label and the clock time it was delivered at. */
    record Delivery(long deliveredAtNanos, long predictedAtNanos, double pressure, double prediction, double label) {}

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void noLabelIsDeliveredBeforeItsHorizonAndEachIsThePeakOfItsInterval(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int steps = 2_000;
        long[] times = new long[steps];
        double[] pressures = new double[steps];
        long now = 0;
        for (int i = 0; i < steps; i++) {
            now += random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(1_500);
            times[i] = now;
            pressures[i] = random.nextDouble();
        }
        DelayedLabeler labeler = new DelayedLabeler(HORIZON_NANOS, 64, 1);
        List<Delivery> deliveries = new ArrayList<>();
        long[] clock = new long[1];
        LabelListener spy = (t, p, theta, reference, q, y, features) -> {
            assertThat(features[0]).as("features travel with their prediction").isEqualTo(t);
            deliveries.add(new Delivery(clock[0], t, p, q, y));
        };
        for (int i = 0; i < steps; i++) {
            clock[0] = times[i];
            labeler.advance(times[i], pressures[i], spy);
            labeler.record(times[i], pressures[i], i, new double[] {times[i]});
        }

        RecordedFuture future = new RecordedFuture(times, pressures);
        assertThat(deliveries).hasSizeGreaterThan(steps / 2);
        for (Delivery delivery : deliveries) {
            assertThat(delivery.deliveredAtNanos())
                    .as("label of t=%d (seed %d)", delivery.predictedAtNanos(), seed)
                    .isGreaterThanOrEqualTo(delivery.predictedAtNanos() + HORIZON_NANOS);
            assertThat(delivery.label())
                    .as("label of t=%d (seed %d)", delivery.predictedAtNanos(), seed)
                    .isEqualTo(future.peak(delivery.predictedAtNanos(), HORIZON_NANOS));
        }
        assertThat(labeler.labels() + labeler.unobservedDrops() + labeler.overflowDrops() + labeler.pending())
                .isEqualTo(steps);
    }

    @Test
    void aLearnerInsideTheLoopNeverSeesALabelBeforeItsHorizon() {
        List<Sample> samples = SyntheticSeries.samples(SyntheticSeries.burstPressures(400, 3), 3);
        long[] clock = new long[1];
        List<long[]> seen = new ArrayList<>();
        PredictionLoop loop = new PredictionLoop(
                new PersistencePredictor(PredictorConfig.DEFAULTS),
                16,
                (t, p, theta, reference, q, y, features) -> seen.add(new long[] {t, clock[0]}));
        for (Sample sample : samples) {
            clock[0] = sample.timeNanos();
            loop.step(sample);
        }

        assertThat(seen).hasSize(samples.size() - 10);
        for (long[] label : seen) {
            assertThat(label[1]).isGreaterThanOrEqualTo(label[0] + PredictorConfig.DEFAULT_HORIZON_NANOS);
        }
    }

    @Test
    void theSampleAtThePredictionTimeIsNotPartOfItsLabelButTheOneAtTheHorizonIs() {
        DelayedLabeler labeler = new DelayedLabeler(10, 4, 0);
        List<Double> labels = new ArrayList<>();
        LabelListener collect = (t, p, theta, reference, q, y, features) -> labels.add(y);

        labeler.advance(0, 0.9, collect);
        labeler.record(0, 0.9, 0.5, new double[0]);
        labeler.advance(5, 0.2, collect);
        assertThat(labels).isEmpty();
        labeler.advance(10, 0.3, collect);

        assertThat(labels).containsExactly(0.3);
    }

    @Test
    void anIntervalWithoutObservationsGivesNoLabelAndIsCounted() {
        DelayedLabeler labeler = new DelayedLabeler(10, 4, 0);
        List<Double> labels = new ArrayList<>();

        labeler.advance(0, 0.5, (t, p, theta, reference, q, y, f) -> labels.add(y));
        labeler.record(0, 0.5, 0.5, new double[0]);
        labeler.advance(50, 0.7, (t, p, theta, reference, q, y, f) -> labels.add(y));

        assertThat(labels).isEmpty();
        assertThat(labeler.unobservedDrops()).isEqualTo(1);
    }

    @Test
    void aFullRingDropsItsOldestPendingPredictionAndCountsIt() {
        DelayedLabeler labeler = new DelayedLabeler(100, 2, 0);
        for (long t = 0; t < 3; t++) {
            labeler.advance(t, 0.5, LabelListener.NONE);
            labeler.record(t, 0.5, 0.5, new double[0]);
        }

        assertThat(labeler.overflowDrops()).isEqualTo(1);
        assertThat(labeler.pending()).isEqualTo(2);
    }

    @Test
    void rejectsAClockGoingBackwardsAndARecordAtAnotherTime() {
        DelayedLabeler labeler = new DelayedLabeler(10, 4, 1);
        labeler.advance(5, 0.5, LabelListener.NONE);

        assertThatThrownBy(() -> labeler.advance(4, 0.5, LabelListener.NONE))
                .hasMessageContaining("nowNanos=4 is before the clock 5");
        assertThatThrownBy(() -> labeler.record(6, 0.5, 0.5, new double[1]))
                .hasMessageContaining("nowNanos=6 differs from the clock 5");
        assertThatThrownBy(() -> labeler.record(5, 0.5, 0.5, new double[0]))
                .hasMessageContaining("featuresAtNow.length=0");
        assertThatThrownBy(() -> labeler.advance(6, 1.5, LabelListener.NONE)).hasMessageContaining("pressureNow=1.5");
    }

    @Test
    void footprintIsComputedFromTheRingSizes() {
        DelayedLabeler labeler = new DelayedLabeler(10, 16, 4);

        // times long[16] = 144, five double[16] = 5 * 144 (pressure, θ, reference, prediction, label), features
        // double[64] = 528, scratch double[4] = 48
        assertThat(labeler.footprintBytes()).isEqualTo(144 + 5 * 144 + 528 + 48);
    }
}
