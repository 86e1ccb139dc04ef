package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.ExperimentReport;
import org.mempred.lab.report.Json;
import org.mempred.lab.report.Table;
import org.mempred.lab.workload.StressWorkload;
import tools.jackson.databind.node.ArrayNode;

/**
 * Section 5: every policy on the stressor at the seed report's five target pressures, paired per
 * seed at each pressure: OOM events, the paired OOM change vs {@code reactive} and the p99
 * response time (policies as rows, pressures as columns), plus a chart of OOM events.
 */
final class SweepSection {
    static final int[] PRESSURES = {50, 75, 85, 95, 98};
    static final String CHART = "oom-sweep.png";

    private SweepSection() {}

    /** Every headline policy at every pressure, keyed by the target pressure in percent. */
    static Plan.Work<Integer> work(ReproduceSettings settings) {
        Map<Integer, ExperimentSpec> experiments = new LinkedHashMap<>();
        for (int pressure : PRESSURES) {
            StressWorkload workload = StressWorkload.kernel(pressure / 100.0, Context.HEAP_BYTES);
            experiments.put(pressure, Context.spec(settings, workload, Policies.HEADLINE, settings.sweepNanos()));
        }
        return new Plan.Work<>(Plan.Id.SWEEP, experiments, 0);
    }

    /** Section 5; its result is the experiment of each target pressure in percent, in sweep order. */
    static Part<Map<Integer, ExperimentResult>> build(Context context, Plan.Work<Integer> work) {
        Map<Integer, ExperimentResult> sweep = context.experiments(work);
        Section section = Context.section(work.id(), "Pressure sweep");
        section.paragraph("Target mean pressure 50/75/85/95/98 %, "
                + Cell.format(ReproduceSettings.minutesOf(context.settings().sweepNanos()), 1, false)
                + " minutes of virtual time per run, seeds 1.."
                + context.settings().seeds()
                + "; cells are mean ± 95 % CI over seeds (paired change: policy minus reactive on the same seed).");
        section.table(table("OOM events per policy and target pressure", sweep, Metric.OOM_EVENTS, false));
        section.table(table("OOM events, paired change vs reactive", sweep, Metric.OOM_EVENTS, true));
        section.table(
                table("KiB moved by compaction per policy and target pressure", sweep, Metric.BYTES_MOVED, false));
        section.table(table(
                "p99 response time (µs) per policy and target pressure", sweep, Metric.P99_RESPONSE_MICROS, false));
        chart(context, sweep);
        section.chart(CHART, "OOM events per policy across the pressure sweep");
        ArrayNode experiments = Json.array();
        for (Map.Entry<Integer, ExperimentResult> entry : sweep.entrySet()) {
            experiments
                    .addObject()
                    .put("targetPressurePercent", entry.getKey())
                    .set("policies", ExperimentReport.policies(entry.getValue()));
        }
        section.data("experiments", experiments);
        return new Part<>(section, sweep);
    }

    private static Table table(String title, Map<Integer, ExperimentResult> sweep, Metric metric, boolean paired) {
        List<String> header = new ArrayList<>();
        header.add("policy");
        for (int pressure : PRESSURES) {
            header.add(pressure + " %");
        }
        Table table = new Table(title, header);
        for (String policy : Policies.HEADLINE.stream().map(PolicySpec::name).toList()) {
            if (paired && policy.equals(ExperimentSpec.BASELINE.name())) {
                continue;
            }
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(policy));
            for (ExperimentResult result : sweep.values()) {
                row.add(Cell.estimate(
                        paired ? result.versusBaseline(policy, metric) : result.summary(policy, metric),
                        metric.display(),
                        paired));
            }
            table.row(row);
        }
        return table;
    }

    private static void chart(Context context, Map<Integer, ExperimentResult> sweep) {
        List<String> categories = new ArrayList<>();
        for (int pressure : PRESSURES) {
            categories.add(pressure + " %");
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        for (String policy : Policies.HEADLINE.stream().map(PolicySpec::name).toList()) {
            double[] means = new double[PRESSURES.length];
            int i = 0;
            for (ExperimentResult result : sweep.values()) {
                means[i++] = result.summary(policy, Metric.OOM_EVENTS).mean();
            }
            series.put(policy, means);
        }
        Charts.bars(
                context.outDir().resolve(CHART),
                "OOM events per run by target pressure (mean over seeds)",
                "target mean pressure",
                "OOM events per run",
                categories,
                series);
    }
}
