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
 * judged at one setting can look good or bad by where that setting happens to fall, so the plane
 * is drawn at three demand levels (80, 90 and 95 %) for every headline policy, and at 95 % each
 * family is also swept over its one parameter: the wake-up margin of the reserve policies
 * ({@code NAME@m}: wake only while free bytes exceed the reserve by m times it), the forecast
 * threshold of wave 1's {@code -peak} policies and the proactiveness of {@code linux}. Nothing is
 * chosen from the results: the settings are fixed below, the same for every predictor and the
 * oracle. The 95 % headline points are section 1's runs (same workload, seeds and length).
 */
final class ParetoSection {
    static final String CHART = "oom-vs-bytes.png";
    static final double[] LEVELS = {0.80, 0.90};
    static final double[] MARGINS = {0.5, 1.0, 2.0};
    static final double[] THRESHOLDS = {0.80, 0.85, 0.90, 0.95};
    static final int[] PROACTIVENESS = {20, 60, 100};
    private static final String[] RESERVE_FAMILIES = {Policies.RESERVE, "holt", "neural", "oracle"};
    private static final String[] PEAK_FAMILIES = {"holt-peak", "neural-peak"};

    private ParetoSection() {}

    /** The policy names of the 95 % sweep, reactive and periodic first. */
    static List<String> policies() {
        List<String> names = new ArrayList<>(List.of(Policies.REACTIVE, Policies.PERIODIC));
        for (int proactiveness : PROACTIVENESS) {
            names.add(Policies.LINUX + "@" + proactiveness);
        }
        for (String family : RESERVE_FAMILIES) {
            for (double margin : MARGINS) {
                names.add(family + "@" + Cell.format(margin, 1, false));
            }
        }
        for (String family : PEAK_FAMILIES) {
            for (double threshold : THRESHOLDS) {
                names.add(family + "@" + Cell.format(threshold, 2, false));
            }
        }
        return names;
    }

    static Section build(Context context, Findings findings) {
        long nanos = context.settings().shortStressNanos();
        Section section = new Section(12, "OOM events against bytes moved");
        section.paragraph("The section-1 workload (stress, "
                + Cell.format(ReproduceSettings.minutesOf(nanos), 1, false) + " minutes, seeds 1.."
                + context.settings().seeds() + ") at demand 80, 90 and 95 %, every headline policy; then at 95 % each"
                + " family swept over its parameter: the wake-up margin m of reserve, holt, neural and oracle"
                + " (`NAME@m`, default 0), the forecast threshold of the wave-1 `-peak` rules (`NAME@θ`) and linux's"
                + " proactiveness. A policy beats another only if it has fewer OOM events for no more bytes moved;"
                + " the last column is the paired OOM events avoided per MiB of extra copying.");
        Map<String, ExperimentResult> byLevel = new LinkedHashMap<>();
        for (double level : LEVELS) {
            String label = Math.round(100 * level) + " %";
            ExperimentResult result = context.experiment(
                    "12 pareto " + label, StressWorkload.kernel(level, Context.HEAP_BYTES), Policies.HEADLINE, nanos);
            byLevel.put(label, result);
        }
        byLevel.put("95 %", findings.shortStress);
        findings.pareto = byLevel;
        for (Map.Entry<String, ExperimentResult> level : byLevel.entrySet()) {
            ExperimentResult result = level.getValue();
            section.table(table(
                    result, result.spec().policies(), "Demand " + level.getKey() + StressSections.achieved(result)));
            section.paragraph("At demand " + level.getKey() + ": " + String.join(" ", Headline.sentences(result)));
        }
        List<String> policies = policies();
        ExperimentResult sweep = context.experiment(
                "12 pareto sweep", StressWorkload.kernel(StressSections.PRESSURE, Context.HEAP_BYTES), policies, nanos);
        section.table(table(sweep, policies, "Demand 95 %, parameter sweeps"));
        chart(context, findings.shortStress, sweep);
        section.image(CHART, "Mean OOM events against mean MiB moved per run at demand 95 %, one curve per family");
        section.data("experiment", json -> {
            json.beginObject();
            ExperimentReport.writePolicies(sweep, json);
            json.endObject();
        });
        return section;
    }

    private static ReportTable table(ExperimentResult result, List<String> policies, String title) {
        ReportTable table = new ReportTable(
                title + ": OOM events and bytes moved (mean ± 95 % CI; paired changes vs reactive)",
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

    /** Bytes as MiB. */
    static Summary mib(Summary bytes) {
        return bytes.times(1.0 / (1024 * 1024));
    }

    private static void chart(Context context, ExperimentResult headline, ExperimentResult sweep) {
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put(
                "reactive-slide / reactive / periodic",
                points(headline, List.of(Policies.REACTIVE_SLIDE, Policies.REACTIVE, Policies.PERIODIC)));
        List<String> linux = new ArrayList<>();
        for (int proactiveness : PROACTIVENESS) {
            linux.add(Policies.LINUX + "@" + proactiveness);
        }
        series.put("linux (proactiveness 20, 60, 100)", points(sweep, linux));
        for (String family : RESERVE_FAMILIES) {
            List<String> names = new ArrayList<>();
            for (double margin : MARGINS) {
                names.add(family + "@" + Cell.format(margin, 1, false));
            }
            double[][] swept = points(sweep, names);
            double[][] withDefault = points(headline, List.of(family));
            series.put(family + " (margin 0 to 2)", prepend(withDefault, swept));
        }
        for (String family : PEAK_FAMILIES) {
            List<String> names = new ArrayList<>();
            for (double threshold : THRESHOLDS) {
                names.add(family + "@" + Cell.format(threshold, 2, false));
            }
            series.put(family + " (θ 0.80 to 0.95)", points(sweep, names));
        }
        Charts.scatter(
                context.outDir().resolve(CHART),
                "OOM events against bytes moved (stress at demand 95 %, mean over seeds)",
                "MiB moved per run",
                "OOM events per run",
                series);
    }

    private static double[][] points(ExperimentResult result, List<String> policies) {
        double[][] points = new double[2][policies.size()];
        for (int i = 0; i < policies.size(); i++) {
            points[0][i] =
                    mib(result.summary(policies.get(i), Metric.BYTES_MOVED)).mean();
            points[1][i] = result.summary(policies.get(i), Metric.OOM_EVENTS).mean();
        }
        return points;
    }

    private static double[][] prepend(double[][] first, double[][] rest) {
        double[][] joined = new double[2][first[0].length + rest[0].length];
        for (int axis = 0; axis < 2; axis++) {
            System.arraycopy(first[axis], 0, joined[axis], 0, first[axis].length);
            System.arraycopy(rest[axis], 0, joined[axis], first[axis].length, rest[axis].length);
        }
        return joined;
    }
}
