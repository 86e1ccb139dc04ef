package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec;
import org.mempred.govern.PolicySpec.Forecaster;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.ExperimentReport;
import org.mempred.lab.report.Json;
import org.mempred.lab.report.Table;
import org.mempred.lab.sim.Timeline;
import org.mempred.lab.stats.Stats;
import org.mempred.lab.stats.Summary;
import org.mempred.lab.workload.StressWorkload;

/**
 * Sections 1 and 2: every policy on the 95 % stressor, paired per seed, for the short (the
 * report's 10 minutes) and the long (30 minutes) duration; then, per policy, the per-seed ratio
 * of long to short totals and whether the paired improvement over {@code reactive} holds at the
 * longer duration. Whether anything "scales ×3" is decided from the ratio's CI, not assumed.
 */
final class StressSections {
    static final double PRESSURE = 0.95;
    static final String PRESSURE_CHART = "pressure-over-time.png";
    private static final long CHART_WINDOW_NANOS = 120_000_000_000L;
    private static final long CHART_LEAD_NANOS = 20_000_000_000L;
    private static final List<PolicySpec> CHART_POLICIES =
            List.of(PolicySpec.Reactive.EVACUATE, Policies.volume(Forecaster.NEURAL));

    private StressSections() {}

    /** Section 1's work: the experiment, and the runs of the pressure chart. */
    static Plan.Work<Plan.Id> shortWork(ReproduceSettings settings) {
        return Plan.Work.one(Plan.Id.STRESS_SHORT, spec(settings, settings.shortStressNanos()), CHART_POLICIES.size());
    }

    /** Section 2's work: the experiment. */
    static Plan.Work<Plan.Id> longWork(ReproduceSettings settings) {
        return Plan.Work.one(Plan.Id.STRESS_LONG, spec(settings, settings.longStressNanos()), 0);
    }

    private static ExperimentSpec spec(ReproduceSettings settings, long durationNanos) {
        StressWorkload workload = StressWorkload.kernel(PRESSURE, Context.HEAP_BYTES);
        return Context.spec(settings, workload, Policies.HEADLINE, durationNanos);
    }

    static Part<ExperimentResult> shortStress(Context context, Plan.Work<Plan.Id> work) {
        ReproduceSettings settings = context.settings();
        ExperimentResult result = context.experiment(work, work.id());
        Section section = Context.section(
                work.id(), minutes(settings.shortStressNanos()) + "-minute stress at demand 95 %" + achieved(result));
        describe(
                section, result, settings.shortStressNanos(), context.settings().seeds());
        section.table(Headline.table(result));
        for (String sentence : Headline.sentences(result)) {
            section.paragraph(sentence);
        }
        section.table(ExperimentReport.summary("Summary (section 1)", result, List.of(Metric.values())));
        section.table(
                ExperimentReport.paired("Paired change vs reactive (section 1)", result, List.of(Metric.values())));
        section.paragraph(Verdicts.oomFindings(result));
        notes(section, result);
        pressureChart(context, section, result);
        section.data("experiment", Json.object().set("policies", ExperimentReport.policies(result)));
        return new Part<>(section, result);
    }

    /** Re-runs seed 1 of reactive and neural with a timeline and draws pressure over time. */
    private static void pressureChart(Context context, Section section, ExperimentResult result) {
        Map<String, Timeline> runs = new LinkedHashMap<>();
        for (PolicySpec policy : CHART_POLICIES) {
            runs.put(
                    policy.name(),
                    DetailRuns.run(result.spec().workload(), result.spec().options(), policy, 1L, 0)
                            .timeline());
            context.step(Plan.Id.STRESS_SHORT);
        }
        Timeline neural = runs.get(Forecaster.NEURAL.label());
        long from = 0;
        String anchor = "(neural made no proactive compaction in this run)";
        for (int i = 0; i < neural.size(); i++) {
            if (neural.proactiveCompactions(i) > 0) {
                from = Math.max(0, neural.timeNanos(i) - CHART_LEAD_NANOS);
                anchor = "(from 20 s before neural's first proactive compaction)";
                break;
            }
        }
        long to = from + CHART_WINDOW_NANOS;
        String window = Cell.format(from / 1e9, 0, false) + "-" + Cell.format(to / 1e9, 0, false) + " s";
        Charts.pressureOverTime(
                context.outDir().resolve(PRESSURE_CHART),
                "Pressure per tick, reactive vs neural, seed 1, " + window,
                runs,
                from,
                to);
        section.chart(PRESSURE_CHART, "Pressure over time, reactive vs neural, seed 1, " + window + " " + anchor);
    }

    static Part<ExperimentResult> longStress(Context context, Plan.Work<Plan.Id> work, ExperimentResult shortStress) {
        ReproduceSettings settings = context.settings();
        ExperimentResult result = context.experiment(work, work.id());
        Section section = Context.section(
                work.id(), minutes(settings.longStressNanos()) + "-minute stress at demand 95 %" + achieved(result));
        describe(section, result, settings.longStressNanos(), settings.seeds());
        section.table(ExperimentReport.summary("Summary (section 2)", result, List.of(Metric.values())));
        section.table(
                ExperimentReport.paired("Paired change vs reactive (section 2)", result, List.of(Metric.values())));
        section.paragraph(Verdicts.oomFindings(result));
        section.table(scalingTable(shortStress, result));
        section.paragraph(scalingVerdict(shortStress, result));
        notes(section, result);
        section.data("experiment", Json.object().set("policies", ExperimentReport.policies(result)));
        return new Part<>(section, result);
    }

    /**
     * " (achieved mean pressure a–b %)": the stressor's level is the demand, counting failed
     * requests as still wanted; what the heap actually held depends on the policy.
     */
    static String achieved(ExperimentResult result) {
        double low = Double.MAX_VALUE;
        double high = 0;
        for (String policy : result.spec().names()) {
            double mean = result.summary(policy, Metric.MEAN_PRESSURE).mean();
            low = Math.min(low, mean);
            high = Math.max(high, mean);
        }
        return " (achieved mean pressure " + Cell.format(100 * low, 1, false) + "–" + Cell.format(100 * high, 1, false)
                + " % by policy)";
    }

    private static void describe(Section section, ExperimentResult result, long durationNanos, int seeds) {
        section.paragraph(String.format(
                Locale.ROOT,
                "Workload %s on a %d-byte heap, %s minutes of virtual time per run, seeds 1..%d, every policy"
                        + " replaying the same stream per seed. The level is the demand: failed requests count as"
                        + " still wanted, so every policy sees the same requests; the achieved pressure is in the"
                        + " tables. Cells are mean ± 95 %% CI over seeds; the paired"
                        + " table is policy minus reactive on the same seed. Compaction time in virtual time comes"
                        + " from the cost model: "
                        + result.spec().options().costModel().describe() + ".",
                result.spec().workload().name(),
                result.spec().options().heapBytes(),
                Cell.format(ReproduceSettings.minutesOf(durationNanos), 1, false),
                seeds));
    }

    private static void notes(Section section, ExperimentResult result) {
        for (String note : ExperimentReport.notes(result)) {
            section.paragraph("Note: " + note + ".");
        }
    }

    /** Per policy: the per-seed ratio long / short of OOM events and compactions, and the paired OOM change. */
    static Table scalingTable(ExperimentResult shortRun, ExperimentResult longRun) {
        Table table = new Table(
                "Long vs short run per policy (ratios are per seed, long / short; ×3 is what a constant rate gives)",
                List.of(
                        "policy",
                        "OOM ratio",
                        "compactions ratio",
                        "OOM change vs reactive, short",
                        "OOM change vs reactive, long",
                        "improvement at long duration",
                        "OOM ratio consistent with ×3"));
        for (String policy : shortRun.spec().names()) {
            Summary oomRatio = ratio(longRun, shortRun, policy, Metric.OOM_EVENTS);
            Summary compactionRatio = ratio(longRun, shortRun, policy, Metric.COMPACTIONS);
            boolean baseline = policy.equals(Policies.REACTIVE);
            Summary shortChange = baseline ? empty() : shortRun.versusBaseline(policy, Metric.OOM_EVENTS);
            Summary longChange = baseline ? empty() : longRun.versusBaseline(policy, Metric.OOM_EVENTS);
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(policy));
            row.add(Cell.estimate(oomRatio, 2, false));
            row.add(Cell.estimate(compactionRatio, 2, false));
            row.add(Cell.estimate(shortChange, 1, true));
            row.add(Cell.estimate(longChange, 1, true));
            row.add(Cell.text(
                    baseline ? "(baseline)" : Verdicts.Change.of(longChange).toString()));
            row.add(Cell.text(Verdicts.Contains.of(oomRatio, 3.0).toString()));
            table.row(row);
        }
        return table;
    }

    private static String scalingVerdict(ExperimentResult shortRun, ExperimentResult longRun) {
        int consistent = 0;
        int holds = 0;
        int improvedShort = 0;
        for (String policy : shortRun.spec().names()) {
            if (Verdicts.Contains.of(ratio(longRun, shortRun, policy, Metric.OOM_EVENTS), 3.0)
                    == Verdicts.Contains.YES) {
                consistent++;
            }
            if (!policy.equals(Policies.REACTIVE)) {
                boolean shortBetter =
                        shortRun.versusBaseline(policy, Metric.OOM_EVENTS).ciHigh() < 0;
                boolean longBetter =
                        longRun.versusBaseline(policy, Metric.OOM_EVENTS).ciHigh() < 0;
                improvedShort += shortBetter ? 1 : 0;
                holds += shortBetter && longBetter ? 1 : 0;
            }
        }
        return "Found: the OOM ratio's CI contains 3 for " + consistent + " of "
                + shortRun.spec().names().size()
                + " policies; " + improvedShort + " policies significantly reduced OOM events vs reactive in the"
                + " short run, and the reduction stayed significant in the long run for " + holds + " of them.";
    }

    static Summary ratio(ExperimentResult longRun, ExperimentResult shortRun, String policy, Metric metric) {
        double[] longValues = longRun.runs(policy).values(metric);
        double[] shortValues = shortRun.runs(policy).values(metric);
        double[] ratios = new double[longValues.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = shortValues[i] > 0 ? longValues[i] / shortValues[i] : Double.NaN;
        }
        return Stats.summarize(ratios);
    }

    private static Summary empty() {
        return Stats.summarize(new double[0]);
    }

    private static String minutes(long nanos) {
        double minutes = ReproduceSettings.minutesOf(nanos);
        return minutes == Math.rint(minutes) ? Long.toString((long) minutes) : Cell.format(minutes, 1, false);
    }
}
