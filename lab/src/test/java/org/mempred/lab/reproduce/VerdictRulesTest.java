package org.mempred.lab.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mempred.lab.stats.Summary;

class VerdictRulesTest {
    private static Summary ci(double mean, double low, double high) {
        return new Summary(5, mean, 1.0, low, high);
    }

    @Test
    void relativeChangeIsSupportedOnlyWhenTheCiExcludesZeroAndReachesTheClaimedRange() {
        assertThat(Claim.relativeChange("c", "m", ci(-50, -55, -45), -60, -40).verdict())
                .isEqualTo(Verdicts.Support.SUPPORTED);
        assertThat(Claim.relativeChange("c", "m", ci(-10, -15, -5), -60, -40).verdict())
                .isEqualTo(Verdicts.Support.NOT_SUPPORTED);
        assertThat(Claim.relativeChange("c", "m", ci(-45, -95, 5), -60, -40).verdict())
                .isEqualTo(Verdicts.Support.NOT_SUPPORTED);
        assertThat(Claim.relativeChange("c", "m", new Summary(1, -50, Double.NaN, Double.NaN, Double.NaN), -60, -40)
                        .verdict())
                .isEqualTo(Verdicts.Support.NOT_COMPARABLE);
    }

    @Test
    void levelClaimsNeedTheMeasuredMeanToReachTheClaim() {
        assertThat(Claim.atLeast("c", "m", ci(95, 94, 96), 94.2, 1).verdict()).isEqualTo(Verdicts.Support.SUPPORTED);
        Claim wide = Claim.atLeast("c", "m", ci(78, 52, 104), 94.2, 1);
        assertThat(wide.verdict()).isEqualTo(Verdicts.Support.NOT_SUPPORTED);
        assertThat(wide.measured().text()).contains("CI contains the claim");
        assertThat(wide.measured().figures()).containsExactly(78.0, 26.0);
    }

    @Test
    void pairedChangesAreNamedByWhereTheirCiLies() {
        assertThat(Verdicts.Change.of(ci(-3, -5, -1))).isEqualTo(Verdicts.Change.REDUCTION);
        assertThat(Verdicts.Change.of(ci(3, 1, 5))).isEqualTo(Verdicts.Change.INCREASE);
        assertThat(Verdicts.Change.of(ci(0, -1, 1))).isEqualTo(Verdicts.Change.NONE);
        assertThat(Verdicts.Change.of(new Summary(1, 3, Double.NaN, Double.NaN, Double.NaN)))
                .isEqualTo(Verdicts.Change.UNDETERMINED);
        assertThat(Verdicts.Contains.of(ci(3.1, 2.5, 3.6), 3.0)).isEqualTo(Verdicts.Contains.YES);
        assertThat(Verdicts.Contains.of(ci(2.1, 1.9, 2.4), 3.0)).isEqualTo(Verdicts.Contains.NO);
    }

    @Test
    void verdictsReadAsTheReportPrintsThem() {
        assertThat(Verdicts.Change.REDUCTION).hasToString("significant reduction");
        assertThat(Verdicts.Change.REDUCTION.inProse()).isEqualTo("a significant reduction");
        assertThat(Verdicts.Change.NONE.inProse()).isEqualTo("no significant change");
        assertThat(Verdicts.Contains.YES).hasToString("yes");
        assertThat(Verdicts.Support.NOT_COMPARABLE).hasToString("not comparable");
    }
}
