package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.stats.Summary;

/**
 * Words derived from confidence intervals, never typed per result: whether a paired change is a
 * significant reduction, increase or neither; whether a CI contains a value; and the three
 * verdicts of the claims table.
 */
final class Verdicts {
    static final String SUPPORTED = "supported";
    static final String NOT_SUPPORTED = "not supported";
    static final String NOT_COMPARABLE = "not comparable";

    private Verdicts() {}

    /** A paired change: "significant reduction", "significant increase" or "no significant change". */
    static String change(Summary change) {
        if (change.count() < 2 || Double.isNaN(change.ciLow())) {
            return "undetermined (too few values)";
        }
        if (change.ciHigh() < 0) {
            return "significant reduction";
        }
        if (change.ciLow() > 0) {
            return "significant increase";
        }
        return "no significant change";
    }

    /**
     * Which policies changed OOM events significantly vs the baseline, and whether those that
     * reduced them paid with significantly more bytes moved: a sentence derived from the CIs.
     */
    static String oomFindings(ExperimentResult result) {
        List<String> fewer = withOomChange(result, "significant reduction");
        List<String> more = withOomChange(result, "significant increase");
        List<String> same = new ArrayList<>();
        List<String> costlier = new ArrayList<>();
        for (String policy : result.spec().names()) {
            if (!policy.equals(ExperimentSpec.BASELINE.name()) && !fewer.contains(policy) && !more.contains(policy)) {
                same.add(policy);
            }
            if (fewer.contains(policy)
                    && change(result.versusBaseline(policy, Metric.BYTES_MOVED)).equals("significant increase")) {
                costlier.add(policy);
            }
        }
        return "Found (from the paired CIs): significantly fewer OOM events than reactive: " + names(fewer)
                + "; no significant difference: " + names(same) + "; significantly more: " + names(more)
                + ". Of the policies with fewer OOM events, these moved significantly more bytes: " + names(costlier)
                + ".";
    }

    /** The policies, baseline aside and in report order, whose paired OOM change has {@code verdict}. */
    static List<String> withOomChange(ExperimentResult result, String verdict) {
        List<String> policies = new ArrayList<>();
        for (String policy : result.spec().names()) {
            if (!policy.equals(ExperimentSpec.BASELINE.name())
                    && change(result.versusBaseline(policy, Metric.OOM_EVENTS)).equals(verdict)) {
                policies.add(policy);
            }
        }
        return policies;
    }

    private static String names(List<String> policies) {
        return policies.isEmpty() ? "none" : String.join(", ", policies);
    }

    /** "yes" when the CI contains {@code value}, else "no", with the CI. */
    static String contains(Summary summary, double value) {
        if (summary.count() < 2 || Double.isNaN(summary.ciLow())) {
            return "undetermined (too few values)";
        }
        return summary.ciLow() <= value && value <= summary.ciHigh() ? "yes" : "no";
    }
}
