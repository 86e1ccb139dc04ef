package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.stats.Summary;

/**
 * Words derived from confidence intervals, never typed per result: whether a paired change is a
 * significant reduction, increase or neither ({@link Change}); whether a CI contains a value
 * ({@link Contains}); and the verdicts of the claims table ({@link Support}). Each is an enum, so
 * code compares verdicts, never their words; the words are what the report prints.
 */
final class Verdicts {
    private static final String TOO_FEW = "undetermined (too few values)";

    private Verdicts() {}

    /** Where a paired change's 95 % CI lies relative to 0. */
    enum Change {
        /** The CI lies below 0. */
        REDUCTION("significant reduction"),
        /** The CI lies above 0. */
        INCREASE("significant increase"),
        /** The CI contains 0. */
        NONE("no significant change"),
        /** Fewer than two values: no CI. */
        UNDETERMINED(TOO_FEW);

        private final String words;

        Change(String words) {
            this.words = words;
        }

        /** The verdict of {@code change}. */
        static Change of(Summary change) {
            if (change.count() < 2 || Double.isNaN(change.ciLow())) {
                return UNDETERMINED;
            }
            if (change.ciHigh() < 0) {
                return REDUCTION;
            }
            if (change.ciLow() > 0) {
                return INCREASE;
            }
            return NONE;
        }

        /** As the report prints it: "significant reduction", ... */
        @Override
        public String toString() {
            return words;
        }

        /** With an article where prose needs one: "a significant reduction", "no significant change". */
        String inProse() {
            return this == REDUCTION || this == INCREASE ? "a " + words : words;
        }
    }

    /** Whether a CI contains a value. */
    enum Contains {
        /** The CI contains it. */
        YES("yes"),
        /** The CI excludes it. */
        NO("no"),
        /** Fewer than two values: no CI. */
        UNDETERMINED(TOO_FEW);

        private final String words;

        Contains(String words) {
            this.words = words;
        }

        /** Whether the CI of {@code summary} contains {@code value}. */
        static Contains of(Summary summary, double value) {
            if (summary.count() < 2 || Double.isNaN(summary.ciLow())) {
                return UNDETERMINED;
            }
            return summary.ciLow() <= value && value <= summary.ciHigh() ? YES : NO;
        }

        /** As the report prints it. */
        @Override
        public String toString() {
            return words;
        }
    }

    /** The verdict on one claim of the seed report. */
    enum Support {
        /** The measurement supports the claim by the stated rule. */
        SUPPORTED("supported"),
        /** The measurement does not. */
        NOT_SUPPORTED("not supported"),
        /** Too little was measured to judge. */
        NOT_COMPARABLE("not comparable");

        private final String words;

        Support(String words) {
            this.words = words;
        }

        /** {@link #SUPPORTED} when {@code holds}, else {@link #NOT_SUPPORTED}. */
        static Support of(boolean holds) {
            return holds ? SUPPORTED : NOT_SUPPORTED;
        }

        /** As the report prints it. */
        @Override
        public String toString() {
            return words;
        }
    }

    /**
     * Which policies changed OOM events significantly vs the baseline, and whether those that
     * reduced them paid with significantly more bytes moved: a sentence derived from the CIs.
     */
    static String oomFindings(ExperimentResult result) {
        List<String> fewer = withOomChange(result, Change.REDUCTION);
        List<String> more = withOomChange(result, Change.INCREASE);
        List<String> same = new ArrayList<>();
        List<String> costlier = new ArrayList<>();
        for (String policy : result.spec().names()) {
            if (!policy.equals(ExperimentSpec.BASELINE.name()) && !fewer.contains(policy) && !more.contains(policy)) {
                same.add(policy);
            }
            if (fewer.contains(policy)
                    && Change.of(result.versusBaseline(policy, Metric.BYTES_MOVED)) == Change.INCREASE) {
                costlier.add(policy);
            }
        }
        return "Found (from the paired CIs): significantly fewer OOM events than reactive: " + names(fewer)
                + "; no significant difference: " + names(same) + "; significantly more: " + names(more)
                + ". Of the policies with fewer OOM events, these moved significantly more bytes: " + names(costlier)
                + ".";
    }

    /** The policies, baseline aside and in report order, whose paired OOM change is {@code verdict}. */
    static List<String> withOomChange(ExperimentResult result, Change verdict) {
        List<String> policies = new ArrayList<>();
        for (String policy : result.spec().names()) {
            if (!policy.equals(ExperimentSpec.BASELINE.name())
                    && Change.of(result.versusBaseline(policy, Metric.OOM_EVENTS)) == verdict) {
                policies.add(policy);
            }
        }
        return policies;
    }

    private static String names(List<String> policies) {
        return policies.isEmpty() ? "none" : String.join(", ", policies);
    }
}
