package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec;
import org.mempred.govern.PolicySpec.Forecaster;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.Phrase;
import org.mempred.lab.report.Table;
import org.mempred.lab.stats.Summary;

/**
 * The answers the report exists for, computed from one experiment's paired CIs and never typed:
 * how much each policy changes OOM events against the sliding baseline ({@code reactive-slide}),
 * what it copies compared with the blind baseline ({@code periodic}), and whether a forecast of
 * demand beats the forecast-free {@code reserve}. Used by section 1 and the report's summary.
 */
final class Headline {
    /** The share of periodic's bytes within which the "best" policy is sought. */
    static final double BYTES_SHARE = 0.20;

    private static final String SLIDE = Policies.REACTIVE_SLIDE;
    private static final String RESERVE = Policies.RESERVE;

    private Headline() {}

    /** Per policy: OOM events and bytes against reactive-slide, periodic and reserve. */
    static Table table(ExperimentResult result) {
        Table table = new Table(
                "Against the baselines (paired per seed; relative changes are mean ± 95 % CI of policy / baseline − 1)",
                List.of(
                        "policy",
                        "OOM events vs reactive-slide",
                        "bytes moved, % of periodic's",
                        "OOM events vs reserve",
                        "MiB moved vs reserve"));
        for (String policy : result.spec().names()) {
            boolean slide = policy.equals(SLIDE);
            boolean reserve = policy.equals(RESERVE);
            table.row(List.of(
                    Cell.text(policy),
                    slide
                            ? Cell.text("-")
                            : Cell.words(percentPhrase(result.relativeChange(policy, SLIDE, Metric.OOM_EVENTS))),
                    Cell.value(100 * bytesShare(result, policy), 1),
                    reserve
                            ? Cell.text("-")
                            : Cell.estimate(result.versus(policy, RESERVE, Metric.OOM_EVENTS), 1, true),
                    reserve
                            ? Cell.text("-")
                            : Cell.estimate(
                                    Metric.Display.MIB.scale(result.versus(policy, RESERVE, Metric.BYTES_MOVED)),
                                    2,
                                    true)));
        }
        return table;
    }

    /** The findings, one sentence each, from the CIs. */
    static List<String> sentences(ExperimentResult result) {
        List<String> out = new ArrayList<>();
        Summary direct = result.relativeChange(Policies.REACTIVE, SLIDE, Metric.OOM_EVENTS);
        out.add("Direct evacuation alone (`reactive`) changes OOM events by " + percent(direct)
                + " against wave 1's sliding direct compaction (`reactive-slide`), "
                + Verdicts.Change.of(direct).inProse() + ", while moving "
                + Cell.format(100 * bytesRatio(result, Policies.REACTIVE, SLIDE), 0, false)
                + " % of its bytes.");
        String best = bestWithin(result);
        if (best == null) {
            out.add("No policy moved at most " + Math.round(100 * BYTES_SHARE) + " % of periodic's bytes.");
        } else {
            Summary cut = result.relativeChange(best, SLIDE, Metric.OOM_EVENTS);
            out.add("Of the policies that move at most " + Math.round(100 * BYTES_SHARE)
                    + " % of periodic's bytes (the oracle aside), `" + best + "` has the fewest OOM events: "
                    + percent(cut) + " against `reactive-slide`, at "
                    + Cell.format(100 * bytesShare(result, best), 1, false)
                    + " % of periodic's bytes; periodic itself changes them by "
                    + percent(result.relativeChange(Policies.PERIODIC, SLIDE, Metric.OOM_EVENTS)) + ".");
        }
        out.add(forecastSentence(result));
        return out;
    }

    /** Whether each demand forecast beats the forecast-free reserve, in OOM events and bytes. */
    private static String forecastSentence(ExperimentResult result) {
        List<String> parts = new ArrayList<>();
        for (PolicySpec spec : result.spec().policies()) {
            if (!(spec instanceof PolicySpec.Demand)) {
                continue;
            }
            String policy = spec.name();
            Summary oom = result.versus(policy, RESERVE, Metric.OOM_EVENTS);
            Summary bytes = Metric.Display.MIB.scale(result.versus(policy, RESERVE, Metric.BYTES_MOVED));
            parts.add("`" + policy + "` " + word(oom, "OOM events") + ", " + word(bytes, "bytes moved"));
        }
        if (parts.isEmpty()) {
            return "No demand forecast was run.";
        }
        return "Against `reserve` (the largest request so far, no forecast), paired: " + String.join("; ", parts) + "."
                + why(result);
    }

    /** When the oracle does no better than reserve, says what that implies, with the evidence. */
    private static String why(ExperimentResult result) {
        List<String> policies = result.spec().names();
        if (!policies.contains(Forecaster.ORACLE.label()) || !policies.contains(Forecaster.PERSISTENCE.label())) {
            return "";
        }
        Summary oracle = result.versus(Forecaster.ORACLE.label(), RESERVE, Metric.OOM_EVENTS);
        if (Verdicts.Change.of(oracle) == Verdicts.Change.REDUCTION) {
            return " The oracle, which reads the true future requests, has significantly fewer OOM events than"
                    + " reserve: a better forecast of demand has room to help here.";
        }
        Summary persistence = result.summary(Forecaster.PERSISTENCE.label(), Metric.PREDICTION_ACCURACY);
        return " Why: even the oracle, which reads the true future requests, is not significantly better than"
                + " reserve, so under this rule (reserve = forecast largest request) no forecast can be; the persistence forecast (the largest"
                + " request of the last horizon) already tells correctly whether the next horizon needs more"
                + " contiguous space than exists in " + Cell.format(100 * persistence.mean(), 1, false)
                + " % of predictions. What limits prediction here is the bound, not the forecaster.";
    }

    private static String word(Summary change, String what) {
        String direction = switch (Verdicts.Change.of(change)) {
            case REDUCTION -> "fewer " + what;
            case INCREASE -> "more " + what;
            case NONE, UNDETERMINED -> "no significant difference in " + what;
        };
        return direction + " (" + Cell.format(change.mean(), Cell.visibleDecimals(change.mean(), 1), true) + " ± "
                + Cell.format(change.halfWidth(), Cell.visibleDecimals(change.halfWidth(), 1), false) + ")";
    }

    /** The non-oracle policy with the fewest mean OOM events among those within the bytes share. */
    static String bestWithin(ExperimentResult result) {
        String best = null;
        double bestOom = Double.MAX_VALUE;
        for (PolicySpec spec : result.spec().policies()) {
            String policy = spec.name();
            if (spec.readsFuture() || bytesShare(result, policy) > BYTES_SHARE) {
                continue;
            }
            double oom = result.summary(policy, Metric.OOM_EVENTS).mean();
            if (oom < bestOom) {
                bestOom = oom;
                best = policy;
            }
        }
        return best;
    }

    /** Mean bytes moved of {@code policy} over periodic's (NaN without periodic). */
    static double bytesShare(ExperimentResult result, String policy) {
        return result.spec().names().contains(Policies.PERIODIC)
                ? bytesRatio(result, policy, Policies.PERIODIC)
                : Double.NaN;
    }

    private static double bytesRatio(ExperimentResult result, String policy, String baseline) {
        return result.summary(policy, Metric.BYTES_MOVED).mean()
                / result.summary(baseline, Metric.BYTES_MOVED).mean();
    }

    /** A relative change as "−62.1 % [−65.0, −59.2] %". */
    static String percent(Summary relative) {
        return percentPhrase(relative).text();
    }

    /** A relative change in percent with its CI, the three figures unrounded. */
    private static Phrase percentPhrase(Summary relative) {
        return Phrase.builder()
                .signed(100 * relative.mean(), 1)
                .text(" % [")
                .signed(100 * relative.ciLow(), 1)
                .text(", ")
                .signed(100 * relative.ciHigh(), 1)
                .text("] %")
                .build();
    }
}
