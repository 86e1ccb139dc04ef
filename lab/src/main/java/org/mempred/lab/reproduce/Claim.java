package org.mempred.lab.reproduce;

import org.mempred.lab.report.Phrase;
import org.mempred.lab.stats.Summary;

/**
 * One headline claim of the seed report beside what mempred measured, with the verdict derived by
 * a stated rule from the measured CI (see the factory methods); never typed per result. The
 * measurement and the rule are {@link Phrase}s, so their figures are numbers in results.json.
 *
 * @param claim the seed report's claim, quoted (never measured by its authors)
 * @param measured what this run measured, in words and figures
 * @param rule how the verdict follows from the measurement, with its thresholds
 * @param verdict supported, not supported, or not comparable
 */
record Claim(String claim, Phrase measured, Phrase rule, Verdicts.Support verdict) {

    /**
     * A claimed relative change in [low, high] %: supported when the measured CI excludes 0 on the
     * claimed side and overlaps [low, high].
     */
    static Claim relativeChange(String claim, String what, Summary percent, double low, double high) {
        Phrase measured = Phrase.builder()
                .text(what + ": ")
                .estimate(percent, 1, true)
                .text(" %")
                .build();
        if (percent.count() < 2 || Double.isNaN(percent.ciLow())) {
            return new Claim(claim, measured, Phrase.words("too few seeds"), Verdicts.Support.NOT_COMPARABLE);
        }
        boolean sameSide = high < 0 ? percent.ciHigh() < 0 : percent.ciLow() > 0;
        boolean overlaps = percent.ciLow() <= high && percent.ciHigh() >= low;
        Phrase.Builder rule = Phrase.builder()
                .text("CI excludes ")
                .count(0)
                .text(" on the claimed side and overlaps the claimed ")
                .signed(low, 1);
        if (low != high) {
            rule.text(" to ").signed(high, 1);
        }
        return new Claim(claim, measured, rule.text(" %").build(), Verdicts.Support.of(sameSide && overlaps));
    }

    /**
     * A claimed level of {@code claimed} (or more): supported when the measured mean reaches it; the
     * CI beside the mean shows how firmly (a wide CI that merely contains the claim is not support).
     */
    static Claim atLeast(String claim, String what, Summary value, double claimed, int decimals) {
        Phrase.Builder measured = Phrase.builder().text(what + ": ").estimate(value, decimals, false);
        if (value.count() == 0 || Double.isNaN(value.mean())) {
            return new Claim(claim, measured.build(), Phrase.words("no measurement"), Verdicts.Support.NOT_COMPARABLE);
        }
        String where = Double.isNaN(value.ciLow())
                ? ""
                : value.ciLow() > claimed
                        ? " (CI above the claim)"
                        : value.ciHigh() < claimed ? " (CI below the claim)" : " (CI contains the claim)";
        return new Claim(
                claim,
                measured.text(where).build(),
                Phrase.builder().text("mean >= ").value(claimed, decimals).build(),
                Verdicts.Support.of(value.mean() >= claimed));
    }

    /** A yes/no claim checked directly. */
    static Claim check(String claim, Phrase measured, Phrase rule, boolean holds) {
        return new Claim(claim, measured, rule, Verdicts.Support.of(holds));
    }
}
