package org.mempred.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mempred.telemetry.Sample;

class FeatureExtractorTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long HORIZON = 5 * SECOND;

    @Test
    void seedFeaturesAreTheReportsFourNormalised() {
        FeatureExtractor extractor = new FeatureExtractor(FeatureSet.SEED, HORIZON);
        double[] out = new double[4];

        extractor.extract(
                new Sample(
                        SECOND,
                        100_000,
                        60_000,
                        10_000,
                        3,
                        100_000,
                        0,
                        0,
                        0,
                        64,
                        org.mempred.telemetry.Requests.NONE,
                        org.mempred.telemetry.ClassDemand.NONE),
                out);
        assertThat(out).containsExactly(0.5, 0.4, 0.5, 0.0);

        extractor.extract(
                new Sample(
                        6 * SECOND,
                        100_000,
                        60_000,
                        10_000,
                        3,
                        0,
                        0,
                        0,
                        0,
                        64,
                        org.mempred.telemetry.Requests.NONE,
                        org.mempred.telemetry.ClassDemand.NONE),
                out);
        assertThat(out[0]).isZero();
        assertThat(out[3]).as("5 s since the last prediction, H = 5 s").isEqualTo(0.5);
    }

    @Test
    void richFeaturesAddFragmentationLargestFreeAndProjectedGrowth() {
        FeatureExtractor extractor = new FeatureExtractor(FeatureSet.RICH, HORIZON);
        double[] out = new double[6];

        // net growth 2000 B/s over 5 s on 100 000 B: +0.1 of the heap
        extractor.extract(
                new Sample(
                        SECOND,
                        100_000,
                        60_000,
                        10_000,
                        3,
                        3_000,
                        0,
                        1_000,
                        0,
                        0,
                        org.mempred.telemetry.Requests.NONE,
                        org.mempred.telemetry.ClassDemand.NONE),
                out);
        assertThat(out[0]).isEqualTo(0.6);
        assertThat(out[1]).isCloseTo(0.75, within(1e-12));
        assertThat(out[2]).isEqualTo(0.1);
        assertThat(out[3]).isCloseTo(Math.tanh(0.1), within(1e-12));
        assertThat(out[4]).isZero();
        assertThat(out[5]).isCloseTo(0.03 / 1.03, within(1e-12));

        extractor.extract(
                new Sample(
                        2 * SECOND,
                        100_000,
                        60_000,
                        10_000,
                        3,
                        1_000,
                        0,
                        1_000,
                        0,
                        0,
                        org.mempred.telemetry.Requests.NONE,
                        org.mempred.telemetry.ClassDemand.NONE),
                out);
        assertThat(out[3]).isZero();
        assertThat(out[4]).isCloseTo(Math.tanh(-0.1), within(1e-12));
    }

    @Test
    void resetStartsANewStream() {
        FeatureExtractor extractor = new FeatureExtractor(FeatureSet.SEED, HORIZON);
        double[] out = new double[4];
        extractor.extract(
                new Sample(
                        SECOND,
                        100,
                        50,
                        10,
                        1,
                        0,
                        0,
                        0,
                        0,
                        0,
                        org.mempred.telemetry.Requests.NONE,
                        org.mempred.telemetry.ClassDemand.NONE),
                out);

        extractor.reset();
        extractor.extract(
                new Sample(
                        0,
                        100,
                        50,
                        10,
                        1,
                        0,
                        0,
                        0,
                        0,
                        0,
                        org.mempred.telemetry.Requests.NONE,
                        org.mempred.telemetry.ClassDemand.NONE),
                out);

        assertThat(out[3]).isZero();
        assertThat(extractor.featureSet()).isEqualTo(FeatureSet.SEED);
    }

    @Test
    void rejectsShortOutputsSamplesOutOfOrderAndBadHorizons() {
        FeatureExtractor extractor = new FeatureExtractor(FeatureSet.RICH, HORIZON);
        Sample sample = new Sample(
                SECOND,
                100,
                50,
                10,
                1,
                0,
                0,
                0,
                0,
                0,
                org.mempred.telemetry.Requests.NONE,
                org.mempred.telemetry.ClassDemand.NONE);
        extractor.extract(sample, new double[6]);

        assertThatThrownBy(() -> extractor.extract(sample, new double[5]))
                .hasMessageContaining("out.length=5 is below the width 6 of rich");
        assertThatThrownBy(() -> extractor.extract(
                        new Sample(
                                0,
                                100,
                                50,
                                10,
                                1,
                                0,
                                0,
                                0,
                                0,
                                0,
                                org.mempred.telemetry.Requests.NONE,
                                org.mempred.telemetry.ClassDemand.NONE),
                        new double[6]))
                .hasMessageContaining("timeNanos=0 is before the previous 1000000000");
        assertThatThrownBy(() -> new FeatureExtractor(FeatureSet.SEED, 0)).hasMessageContaining("horizonNanos=0");
    }

    @Test
    void featureSetsAreLookedUpByNameWithAClearError() {
        assertThat(FeatureSet.byName("seed")).isEqualTo(FeatureSet.SEED);
        assertThat(FeatureSet.byName("rich").width()).isEqualTo(6);
        assertThatThrownBy(() -> FeatureSet.byName("SEED"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown feature set 'SEED'; valid names: seed, rich, demand, volume");
    }
}
