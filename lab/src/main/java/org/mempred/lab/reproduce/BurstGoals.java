package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec.Forecaster;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.Table;
import org.mempred.lab.stats.Stats;
import org.mempred.lab.stats.Summary;

/**
 * The decision's goals on one workload, judged from per-seed figures (never typed): each
 * reserving policy with mean OOM events at most {@code 1.1 x periodic's + 1} per run while moving
 * at most {@value #BYTES_SHARE_PERCENT} % of its mean bytes, and never significantly more OOM
 * events than {@code reactive} (the paired CI); and whether the oracle's forecast pays against
 * {@code reserve}, with the mix of refill steps that explains it.
 */
final class BurstGoals {
    static final int OOM_SLACK_PERCENT = 10;
    static final int BYTES_SHARE_PERCENT = 10;
    /** OOM events per run allowed beyond the slack, so that periodic's zero is not a zero-tolerance goal. */
    static final int OOM_ALLOWANCE = 1;

    static final String ORACLE = Policies.volume(Forecaster.ORACLE).name();

    private BurstGoals() {}

    /** Per-seed values of a metric for a policy, seeds in the same order for every policy. */
    interface Figures {
        double[] values(String policy, Metric metric);
    }

    /** One reserving policy's standing against the goals. */
    record Standing(
            String policy,
            double oomRatio,
            Summary oomVsPeriodic,
            double bytesShare,
            Summary oomVsReactive,
            boolean oomGoal,
            boolean bytesGoal,
            boolean reactiveGoal) {
        boolean meetsAll() {
            return oomGoal && bytesGoal && reactiveGoal;
        }
    }

    /** The standing of each of {@code policies} on {@code figures}. */
    static List<Standing> standings(List<String> policies, Figures figures) {
        double periodicOom = mean(figures.values(Policies.PERIODIC, Metric.OOM_EVENTS));
        double periodicBytes = mean(figures.values(Policies.PERIODIC, Metric.BYTES_MOVED));
        List<Standing> standings = new ArrayList<>();
        for (String policy : policies) {
            double oom = mean(figures.values(policy, Metric.OOM_EVENTS));
            double bytes = mean(figures.values(policy, Metric.BYTES_MOVED));
            Summary vsPeriodic = Stats.pairedDifference(
                    figures.values(policy, Metric.OOM_EVENTS), figures.values(Policies.PERIODIC, Metric.OOM_EVENTS));
            Summary vsReactive = Stats.pairedDifference(
                    figures.values(policy, Metric.OOM_EVENTS), figures.values(Policies.REACTIVE, Metric.OOM_EVENTS));
            double ratio = periodicOom == 0 ? (oom == 0 ? 1.0 : Double.POSITIVE_INFINITY) : oom / periodicOom;
            double share = periodicBytes == 0 ? Double.NaN : bytes / periodicBytes;
            standings.add(new Standing(
                    policy,
                    ratio,
                    vsPeriodic,
                    share,
                    vsReactive,
                    oom <= (1 + OOM_SLACK_PERCENT / 100.0) * periodicOom + OOM_ALLOWANCE,
                    share <= BYTES_SHARE_PERCENT / 100.0,
                    Verdicts.Change.of(vsReactive) != Verdicts.Change.INCREASE));
        }
        return standings;
    }

    /** The goals table of {@code workload}. */
    static Table table(String workload, List<Standing> standings) {
        Table table = new Table(
                "Goals on " + workload + " (OOM events and bytes as ratios of periodic's means; paired CIs)",
                List.of(
                        "policy",
                        "OOM events ÷ periodic's",
                        "OOM events − periodic's",
                        "bytes moved, % of periodic's",
                        "OOM events − reactive's",
                        "at most 1.1 × periodic's + " + OOM_ALLOWANCE,
                        "at most " + BYTES_SHARE_PERCENT + " % of its bytes",
                        "not more than reactive"));
        for (Standing standing : standings) {
            table.row(List.of(
                    Cell.text(standing.policy()),
                    Cell.value(standing.oomRatio(), 2),
                    Cell.estimate(standing.oomVsPeriodic(), 1, true),
                    Cell.value(100 * standing.bytesShare(), 1),
                    Cell.estimate(standing.oomVsReactive(), 1, true),
                    Cell.text(yes(standing.oomGoal())),
                    Cell.text(yes(standing.bytesGoal())),
                    Cell.text(yes(standing.reactiveGoal()))));
        }
        return table;
    }

    /** "On W, the reserving policies that meet every goal: ...; ..." — computed from the standings. */
    static String verdict(String workload, List<Standing> standings) {
        List<String> all = new ArrayList<>();
        List<String> oomOnly = new ArrayList<>();
        List<String> moreThanReactive = new ArrayList<>();
        for (Standing standing : standings) {
            if (standing.meetsAll()) {
                all.add(standing.policy());
            } else if (standing.oomGoal() && standing.reactiveGoal()) {
                oomOnly.add(standing.policy());
            }
            if (!standing.reactiveGoal()) {
                moreThanReactive.add(standing.policy());
            }
        }
        return "On " + workload + ", reserving policies with at most 1.1 × periodic's OOM events + " + OOM_ALLOWANCE
                + " per run at most " + BYTES_SHARE_PERCENT + " % of its bytes and never more OOM events than"
                + " reactive: " + names(all) + "; as few OOM events but moving more: " + names(oomOnly)
                + "; significantly more OOM events than reactive: " + names(moreThanReactive) + ".";
    }

    /**
     * Whether the oracle's forecast pays against {@code reserve} on {@code workload}: the paired
     * changes of OOM events and bytes, and the mix of dearer refill steps behind them.
     */
    static String forecastPays(String workload, Figures figures) {
        Summary oom = Stats.pairedDifference(
                figures.values(ORACLE, Metric.OOM_EVENTS), figures.values(Policies.RESERVE, Metric.OOM_EVENTS));
        Summary bytes = Stats.pairedDifference(
                        figures.values(ORACLE, Metric.BYTES_MOVED),
                        figures.values(Policies.RESERVE, Metric.BYTES_MOVED))
                .times(Metric.Display.MIB.scale(1.0));
        Verdicts.Change oomChange = Verdicts.Change.of(oom);
        Verdicts.Change bytesChange = Verdicts.Change.of(bytes);
        boolean pays = (oomChange == Verdicts.Change.REDUCTION && bytesChange != Verdicts.Change.INCREASE)
                || (bytesChange == Verdicts.Change.REDUCTION && oomChange != Verdicts.Change.INCREASE);
        String changes = "oracle − reserve: OOM events "
                + Cell.estimate(oom, 1, true).markdown() + " ("
                + oomChange + "), MiB moved " + Cell.estimate(bytes, 2, true).markdown() + " (" + bytesChange
                + ")";
        String mix = "full compactions per run " + perRun(figures, ORACLE, Metric.REFILLS_FULL) + " against "
                + perRun(figures, Policies.RESERVE, Metric.REFILLS_FULL) + ", range slides "
                + perRun(figures, ORACLE, Metric.REFILLS_RANGE) + " against "
                + perRun(figures, Policies.RESERVE, Metric.REFILLS_RANGE) + ", one-window refills "
                + perRun(figures, ORACLE, Metric.REFILLS_WINDOW) + " against "
                + perRun(figures, Policies.RESERVE, Metric.REFILLS_WINDOW);
        return "Where a forecast pays, " + workload + ": " + changes + ". "
                + (pays
                        ? "The forecast pays: the oracle, whose escalation runs for the surges it sees coming, made ("
                        : "The forecast does not pay here: knowing the future bought neither significantly fewer OOM"
                                + " events nor significantly fewer bytes at no more of the other (")
                + mix + ").";
    }

    private static String perRun(Figures figures, String policy, Metric metric) {
        return Cell.format(mean(figures.values(policy, metric)), 1, false);
    }

    private static double mean(double[] values) {
        return Stats.summarize(values).mean();
    }

    private static String yes(boolean met) {
        return met ? "yes" : "no";
    }

    private static String names(List<String> policies) {
        return policies.isEmpty() ? "none" : String.join(", ", policies);
    }
}
