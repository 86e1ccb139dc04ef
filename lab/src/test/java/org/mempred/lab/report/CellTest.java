package org.mempred.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mempred.lab.stats.Summary;

class CellTest {

    @Test
    void aStarredChangeShowsEnoughDigitsToReadAsNonZero() {
        Summary tiny = new Summary(10, -0.00042, 0.0001, -0.0005, -0.0003);
        assertThat(tiny.excludesZero()).isTrue();
        assertThat(Cell.estimate(tiny, 1, true).markdown()).isEqualTo("-0.0004 ± 0.0001 *");
        assertThat(Cell.estimate(tiny, 3, true).markdown()).isEqualTo("-0.0004 ± 0.0001 *");
    }

    @Test
    void anUnstarredChangeKeepsItsDecimals() {
        Summary noise = new Summary(10, 0.00042, 0.01, -0.01, 0.01);
        assertThat(Cell.estimate(noise, 1, true).markdown()).isEqualTo("+0.0 ± 0.0");
    }

    @Test
    void unstarredChangesArePaddedInTextSoTheirColumnStaysAligned() {
        Summary noise = new Summary(10, 0.00042, 0.01, -0.01, 0.01);
        Summary none = new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        assertThat(Cell.estimate(noise, 1, true).plain()).isEqualTo("+0.0 ± 0.0  ");
        assertThat(Cell.estimate(none, 1, true).plain()).isEqualTo("-  ");
        assertThat(Cell.estimate(none, 1, false).plain()).isEqualTo("-");
    }
}
