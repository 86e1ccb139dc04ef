package org.mempred.lab.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatsTest {
    private static final double EPS = 1e-6;

    @Test
    void summaryOfOneToFiveMatchesHandComputedFigures() {
        // mean 3, s^2 = 10/4 = 2.5, t(0.975, 4) = 2.776445, half = 2.776445 * sqrt(2.5) / sqrt(5) = 1.963243
        Summary summary = Stats.summarize(new double[] {1, 2, 3, 4, 5});
        assertThat(summary.count()).isEqualTo(5);
        assertThat(summary.mean()).isCloseTo(3.0, within(EPS));
        assertThat(summary.sd()).isCloseTo(Math.sqrt(2.5), within(EPS));
        assertThat(summary.halfWidth()).isCloseTo(1.963243, within(EPS));
        assertThat(summary.ciLow()).isCloseTo(3.0 - 1.963243, within(EPS));
        assertThat(summary.excludesZero()).isTrue();
    }

    @Test
    void tQuantilesMatchTables() {
        assertThat(Stats.tQuantile(1)).isCloseTo(12.706205, within(EPS));
        assertThat(Stats.tQuantile(9)).isCloseTo(2.262157, within(EPS));
        assertThat(Stats.tQuantile(1_000)).isCloseTo(1.962339, within(EPS));
        assertThatThrownBy(() -> Stats.tQuantile(0)).hasMessageContaining("degreesOfFreedom=0");
    }

    @Test
    void nanValuesAreLeftOutAndTinySamplesHaveNoInterval() {
        Summary two = Stats.summarize(new double[] {Double.NaN, 2, 4});
        assertThat(two.count()).isEqualTo(2);
        assertThat(two.mean()).isEqualTo(3.0);
        // s = sqrt(2), t(0.975, 1) = 12.706205, half = 12.706205 * sqrt(2) / sqrt(2)
        assertThat(two.halfWidth()).isCloseTo(12.706205, within(EPS));
        Summary one = Stats.summarize(new double[] {7});
        assertThat(one.mean()).isEqualTo(7.0);
        assertThat(one.sd()).isNaN();
        assertThat(one.excludesZero()).isFalse();
        assertThat(Stats.summarize(new double[] {Double.NaN}).count()).isZero();
    }

    @Test
    void pairedDifferenceRemovesTheSharedSeedEffect() {
        double[] baseline = {10, 20, 30, 40};
        double[] policy = {9, 18.5, 29, 38.5};
        // differences -1, -1.5, -1, -1.5: mean -1.25, s = sqrt(1/12), t(0.975, 3) = 3.182446
        Summary difference = Stats.pairedDifference(policy, baseline);
        assertThat(difference.mean()).isCloseTo(-1.25, within(EPS));
        assertThat(difference.sd()).isCloseTo(Math.sqrt(1.0 / 12.0), within(EPS));
        assertThat(difference.halfWidth()).isCloseTo(3.182446 * Math.sqrt(1.0 / 12.0) / 2.0, within(EPS));
        assertThat(difference.excludesZero()).isTrue();
        assertThat(Stats.summarize(policy).ciLow())
                .as("unpaired intervals overlap")
                .isLessThan(baseline[3]);
        assertThatThrownBy(() -> Stats.pairedDifference(new double[1], new double[2]))
                .hasMessageContaining("values.length=1");
    }
}
