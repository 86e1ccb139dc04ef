package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mempred.govern.Policies;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.report.ExperimentReport;
import org.mempred.lab.stats.Summary;
import org.mempred.lab.workload.StressWorkload;

/**
 * Section 12: where each policy sits on the plane of OOM events against bytes moved. A policy
 * judged at one setting can look good or bad by where that setting happens to fall, so the
 * predictive policies are run at several forecast thresholds ({@code NAME@θ}) and {@code linux} at
 * several proactiveness values, on the section-1 workload and seeds, beside {@code reactive} and
 * {@code periodic} (the two ends). The table gives each point's paired changes vs reactive and the
 * OOM events avoided per MiB moved; the chart draws the curves. Nothing is chosen from the
 * results: the settings are fixed below, the same for every predictor and the oracle.
 */
final class ParetoSection {
    static final String CHART = "oom-vs-bytes.png";
    static final double[] THRESHOLDS = {0.80, 0.85, 0.90, 0.95};
    static final int[] PROACTIVENESS = {20, 60, 100};
    private static final String[] PREDICTIVE = {"holt", "neural", "oracle"};

    private ParetoSection() {}

    /** The policy names of the sweep, reactive and periodic first. */
    static List<String> policies() {
        List<String> names = new ArrayList<>(List.of(Policies.REACTIVE, Policies.PERIODIC));
        for (int proactiveness : PROACTIVENESS) {
            names.add(Policies.LINUX + "@" + proactiveness);
        }
        for (String predictor : PREDICTIVE) {
            for (double threshold : THRESHOLDS) {
                names.add(predictor + "@" + Cell.format(threshold, 2, false));
            }
        }
        return names;
    }

    static Section build(Context context, Findings findings) {
        List<String> policies = policies();
        ExperimentResult result = context.experiment(
                "12 pareto",
                StressWorkload.kernel(0.95, Context.HEAP_BYTES),
                policies,
                context.settings().shortStressNanos());
        Section section = new Section(12, "OOM events against bytes moved");
        section.paragraph("The section-1 workload (stress at 95 %, "
                + Cell.format(ReproduceSettings.minutesOf(context.settings().shortStressNanos()), 1, false)
                + " minutes, seeds 1.." + context.settings().seeds() + "), with each predictive policy at forecast"
                + " thresholds 0.80/0.85/0.90/0.95 (`NAME@θ`: compact when the forecast peak reaches θ) and linux"
                + " at proactiveness 20/60/100. A policy beats another only if it has fewer OOM events for no more"
                + " bytes moved; the last column is the paired OOM events avoided per MiB of extra copying.");
        section.table(table(result, policies));
        chart(context, result);
        section.image(CHART, "Mean OOM events against mean MiB moved per run, one curve per policy family");
        section.data("experiment", json -> {
            json.beginObject();
            ExperimentReport.writePolicies(result, json);
            json.endObject();
        });
        return section;
    }

    private static ReportTable table(ExperimentResult result, List<String> policies) {
        ReportTable table = new ReportTable(
                "OOM events and bytes moved per policy setting (mean ± 95 % CI; paired changes vs reactive)",
                List.of(
                        "policy",
                        "OOM events",
                        "change vs reactive",
                        "MiB moved",
                        "change vs reactive",
                        "OOM avoided per extra MiB (n.s. unless both changes are starred)"));
        for (String policy : policies) {
            Summary oom = result.summary(policy, Metric.OOM_EVENTS);
            Summary moved = mib(result.summary(policy, Metric.BYTES_MOVED));
            boolean baseline = policy.equals(ExperimentSpec.BASELINE);
            Summary oomChange = baseline ? null : result.versusBaseline(policy, Metric.OOM_EVENTS);
            Summary movedChange = baseline ? null : mib(result.versusBaseline(policy, Metric.BYTES_MOVED));
            double perMib = baseline || movedChange.mean() <= 0 ? Double.NaN : -oomChange.mean() / movedChange.mean();
            boolean significant = !baseline && oomChange.excludesZero() && movedChange.excludesZero();
            table.row(List.of(
                    Cell.text(policy),
                    Cell.estimate(oom, 1, false),
                    baseline ? Cell.text("-") : Cell.estimate(oomChange, 1, true),
                    Cell.estimate(moved, 1, false),
                    baseline ? Cell.text("-") : Cell.estimate(movedChange, 1, true),
                    Double.isNaN(perMib) ? Cell.text("-") : significant ? Cell.value(perMib, 2) : Cell.text("n.s.")));
        }
        return table;
    }

    private static Summary mib(Summary bytes) {
        double k = 1.0 / (1024 * 1024);
        return new Summary(bytes.count(), bytes.mean() * k, bytes.sd() * k, bytes.ciLow() * k, bytes.ciHigh() * k);
    }

    private static void chart(Context context, ExperimentResult result) {
        Map<String, List<String>> families = new LinkedHashMap<>();
        families.put("reactive / periodic", List.of(Policies.REACTIVE, Policies.PERIODIC));
        List<String> linux = new ArrayList<>();
        for (int proactiveness : PROACTIVENESS) {
            linux.add(Policies.LINUX + "@" + proactiveness);
        }
        families.put("linux (proactiveness 20, 60, 100)", linux);
        for (String predictor : PREDICTIVE) {
            List<String> names = new ArrayList<>();
            for (double threshold : THRESHOLDS) {
                names.add(predictor + "@" + Cell.format(threshold, 2, false));
            }
            families.put(predictor + " (θ 0.80 to 0.95)", names);
        }
        Map<String, double[][]> series = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> family : families.entrySet()) {
            double[][] points = new double[2][family.getValue().size()];
            for (int i = 0; i < points[0].length; i++) {
                String policy = family.getValue().get(i);
                points[0][i] = mib(result.summary(policy, Metric.BYTES_MOVED)).mean();
                points[1][i] = result.summary(policy, Metric.OOM_EVENTS).mean();
            }
            series.put(family.getKey(), points);
        }
        Charts.scatter(
                context.outDir().resolve(CHART),
                "OOM events against bytes moved (stress at 95 %, mean over seeds)",
                "MiB moved per run",
                "OOM events per run",
                series);
    }
}
