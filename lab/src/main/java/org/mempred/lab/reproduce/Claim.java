package org.mempred.lab.reproduce;

import org.mempred.lab.report.Cell;
import org.mempred.lab.stats.Summary;

/**
 * One headline claim of the seed report beside what mempred measured, with the verdict derived by
 * a stated rule from the measured CI (see the factory methods); never typed per result.
 *
 * @param claim the seed report's claim, quoted (never measured by its authors)
 * @param measured what this run measured, in words and numbers
 * @param rule how the verdict follows from the measurement
 * @param verdict supported, not supported, or not comparable
 */
record Claim(String claim, String measured, String rule, Verdicts.Support verdict) {

    /**
     * A claimed relative change in [low, high] %: supported when the measured CI excludes 0 on the
     * claimed side and overlaps [low, high].
     */
    static Claim relativeChange(String claim, String what, Summary percent, double low, double high) {
        String measured = what + ": " + estimate(percent, 1, true) + " %";
        if (percent.count() < 2 || Double.isNaN(percent.ciLow())) {
            return new Claim(claim, measured, "too few seeds", Verdicts.Support.NOT_COMPARABLE);
        }
        boolean sameSide = high < 0 ? percent.ciHigh() < 0 : percent.ciLow() > 0;
        boolean overlaps = percent.ciLow() <= high && percent.ciHigh() >= low;
        return new Claim(
                claim,
                measured,
                "CI excludes 0 on the claimed side and overlaps the claimed " + range(low, high) + " %",
                Verdicts.Support.of(sameSide && overlaps));
    }

    /**
     * A claimed level of {@code claimed} (or more): supported when the measured mean reaches it; the
     * CI beside the mean shows how firmly (a wide CI that merely contains the claim is not support).
     */
    static Claim atLeast(String claim, String what, Summary value, double claimed, int decimals) {
        String measured = what + ": " + estimate(value, decimals, false);
        if (value.count() == 0 || Double.isNaN(value.mean())) {
            return new Claim(claim, measured, "no measurement", Verdicts.Support.NOT_COMPARABLE);
        }
        String where = Double.isNaN(value.ciLow())
                ? ""
                : value.ciLow() > claimed
                        ? " (CI above the claim)"
                        : value.ciHigh() < claimed ? " (CI below the claim)" : " (CI contains the claim)";
        return new Claim(
                claim,
                measured + where,
                "mean >= " + Cell.format(claimed, decimals, false),
                Verdicts.Support.of(value.mean() >= claimed));
    }

    /** A yes/no claim checked directly. */
    static Claim check(String claim, String measured, String rule, boolean holds) {
        return new Claim(claim, measured, rule, Verdicts.Support.of(holds));
    }

    static String estimate(Summary summary, int decimals, boolean signed) {
        return Cell.estimate(summary, decimals, signed).unstarred();
    }

    private static String range(double low, double high) {
        return low == high
                ? Cell.format(low, 1, true)
                : Cell.format(low, 1, true) + " to " + Cell.format(high, 1, true);
    }
}
