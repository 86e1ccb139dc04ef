package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec;
import org.mempred.govern.PolicySpec.Forecaster;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.Table;
import org.mempred.lab.sim.SimulationOptions;
import org.mempred.lab.stats.Stats;
import org.mempred.lab.stats.Summary;
import org.mempred.lab.workload.StressWorkload;
import org.mempred.lab.workload.SubsystemMix;
import org.mempred.lab.workload.Workload;

/**
 * Section 13: which lookahead serves which workload. The reserve policies are run with horizons
 * H of 0.5, 1 and 5 s (the governor's and the predictor's, labels included) on the stressor and
 * on the multi-subsystem mix, both at demand 95 %. The request stream does not depend on H, so
 * runs of the same seed are paired across horizons as well as across policies; each finding is the
 * paired change of the best horizon against 5 s, from its CI. {@code reserve} reads no forecast
 * and serves as the control: a horizon effect on it would come from the governor, not a forecast.
 * The shipped {@code neural} weights were trained at 5 s and keep learning online at the others.
 */
final class HorizonSection {
    static final long[] HORIZONS_MILLIS = {500, 1_000, 5_000};
    static final List<PolicySpec> POLICIES = List.of(
            new PolicySpec.Reserve(OptionalDouble.empty()),
            Policies.volume(Forecaster.PERSISTENCE),
            Policies.volume(Forecaster.HOLT),
            Policies.volume(Forecaster.NEURAL),
            Policies.volume(Forecaster.ORACLE));

    private static final List<String> WORKLOADS = List.of("stress", "mix");

    private HorizonSection() {}

    /** One experiment: a workload at a horizon. */
    record Run(String workload, long horizonMillis) {
        /** "stress H=500ms". */
        String name() {
            return workload + " H=" + horizonMillis + "ms";
        }
    }

    /** Every policy at every horizon on both workloads, workload by workload. */
    static Plan.Work<Run> work(ReproduceSettings settings) {
        long nanos = settings.shortStressNanos();
        Map<String, Workload> workloads = new LinkedHashMap<>();
        workloads.put(WORKLOADS.get(0), StressWorkload.kernel(StressSections.PRESSURE, Context.HEAP_BYTES));
        workloads.put(WORKLOADS.get(1), new SubsystemMix(StressSections.PRESSURE, Context.HEAP_BYTES));
        Map<Run, ExperimentSpec> experiments = new LinkedHashMap<>();
        workloads.forEach((name, workload) -> {
            for (long millis : HORIZONS_MILLIS) {
                SimulationOptions options =
                        SimulationOptions.of(Context.HEAP_BYTES, nanos).withHorizonNanos(millis * 1_000_000L);
                experiments.put(new Run(name, millis), Context.spec(settings, workload, POLICIES, options));
            }
        });
        return new Plan.Work<>(Plan.Id.HORIZONS, experiments, 0);
    }

    /** Section 13; its result is every experiment by "workload H=millisms", in run order. */
    static Part<Map<String, ExperimentResult>> build(Context context, Plan.Work<Run> work) {
        long nanos = context.settings().shortStressNanos();
        Section section = Context.section(work.id(), "Lookahead: 0.5 s, 1 s or 5 s");
        section.paragraph("The reserve policies with horizons H = 0.5, 1 and 5 s on the stressor and the"
                + " multi-subsystem mix at demand 95 % (" + Cell.format(ReproduceSettings.minutesOf(nanos), 1, false)
                + " minutes, seeds 1.." + context.settings().seeds() + "). The forecast covers (t, t + H] and its"
                + " labels arrive H later; reserve reads no forecast and is the control. Runs of a seed replay the"
                + " same requests at every H, so horizons are compared pairwise.");
        Map<String, ExperimentResult> all = new LinkedHashMap<>();
        Map<String, List<ExperimentResult>> byWorkload = new LinkedHashMap<>();
        for (Run run : work.experiments().keySet()) {
            ExperimentResult result = context.experiment(work, run);
            byWorkload
                    .computeIfAbsent(run.workload(), name -> new ArrayList<>())
                    .add(result);
            all.put(run.name(), result);
        }
        byWorkload.forEach((workload, byHorizon) -> {
            section.table(table(workload, byHorizon));
            section.paragraph(findingsFor(workload, byHorizon));
        });
        return new Part<>(section, all);
    }

    private static Table table(String workload, List<ExperimentResult> byHorizon) {
        List<String> header = new ArrayList<>(List.of("policy"));
        for (long millis : HORIZONS_MILLIS) {
            header.add("OOM, H " + seconds(millis));
            header.add("MiB moved, H " + seconds(millis));
        }
        Table table = new Table(workload + " at demand 95 %: OOM events and MiB moved by horizon", header);
        for (String policy : POLICIES.stream().map(PolicySpec::name).toList()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(policy)));
            for (ExperimentResult result : byHorizon) {
                row.add(Cell.estimate(result.summary(policy, Metric.OOM_EVENTS), 1, false));
                row.add(Cell.estimate(Metric.Display.MIB.scale(result.summary(policy, Metric.BYTES_MOVED)), 2, false));
            }
            table.row(row);
        }
        return table;
    }

    /** Per policy: the horizon with the fewest mean OOM events and its paired change against 5 s. */
    private static String findingsFor(String workload, List<ExperimentResult> byHorizon) {
        List<String> parts = new ArrayList<>();
        ExperimentResult fiveSeconds = byHorizon.get(byHorizon.size() - 1);
        for (String policy : POLICIES.stream().map(PolicySpec::name).toList()) {
            int best = byHorizon.size() - 1;
            for (int h = 0; h < byHorizon.size(); h++) {
                if (byHorizon.get(h).summary(policy, Metric.OOM_EVENTS).mean()
                        < byHorizon.get(best).summary(policy, Metric.OOM_EVENTS).mean()) {
                    best = h;
                }
            }
            if (best == byHorizon.size() - 1) {
                parts.add("`" + policy + "` has its fewest OOM events at 5 s");
                continue;
            }
            Summary change = Stats.pairedDifference(
                    byHorizon.get(best).runs(policy).values(Metric.OOM_EVENTS),
                    fiveSeconds.runs(policy).values(Metric.OOM_EVENTS));
            parts.add(String.format(
                    Locale.ROOT,
                    "`%s` at %s: %s ± %s OOM events vs 5 s (%s)",
                    policy,
                    seconds(HORIZONS_MILLIS[best]),
                    Cell.format(change.mean(), 1, true),
                    Cell.format(change.halfWidth(), 1, false),
                    Verdicts.Change.of(change)));
        }
        return "Found on " + workload + " (from the paired CIs): " + String.join("; ", parts) + ".";
    }

    private static String seconds(long millis) {
        return Cell.format(millis / 1000.0, millis < 1000 ? 1 : 0, false) + " s";
    }
}
