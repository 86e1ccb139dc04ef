package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
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
import org.mempred.lab.stats.Summary;
import org.mempred.lab.workload.StressWorkload;

/**
 * Section 12: where each policy sits on the plane of OOM events against bytes moved. A policy
 * judged at one setting can look good or bad by where that setting happens to fall, so the plane
 * is drawn at three demand levels (80, 90 and 95 %) for every headline policy, and at 95 % each
 * family is also swept over its one parameter: the wake-up margin of the reserve policies
 * ({@code NAME@m}: wake only while free bytes exceed the reserve by m times it), the forecast
 * threshold of the {@code -peak} policies and the proactiveness of {@code linux}. Nothing is
 * chosen from the results: the settings are fixed below, the same for every predictor and the
 * oracle. The 95 % headline points are section 1's runs (same workload, seeds and length).
 */
final class ParetoSection {
    static final String CHART = "oom-vs-bytes.png";
    static final double[] LEVELS = {0.80, 0.90};
    static final double[] MARGINS = {0.5, 1.0, 2.0};
    static final double[] THRESHOLDS = {0.80, 0.85, 0.90, 0.95};
    static final int[] PROACTIVENESS = {20, 60, 100};
    private static final List<PolicySpec.Reserving> RESERVE_FAMILIES = List.of(
            new PolicySpec.Reserve(OptionalDouble.empty()),
            Policies.volume(Forecaster.HOLT),
            Policies.volume(Forecaster.NEURAL),
            Policies.volume(Forecaster.ORACLE));
    private static final List<PolicySpec.Peak> PEAK_FAMILIES =
            List.of(Policies.peak(Forecaster.HOLT), Policies.peak(Forecaster.NEURAL));

    private ParetoSection() {}

    /** The policies of the 95 % sweep, reactive and periodic first. */
    static List<PolicySpec> policies() {
        List<PolicySpec> specs = new ArrayList<>(List.of(PolicySpec.Reactive.EVACUATE, new PolicySpec.Periodic()));
        specs.addAll(linuxSweep());
        for (PolicySpec.Reserving family : RESERVE_FAMILIES) {
            specs.addAll(marginSweep(family));
        }
        for (PolicySpec.Peak family : PEAK_FAMILIES) {
            specs.addAll(thresholdSweep(family));
        }
        return specs;
    }

    private static List<PolicySpec> linuxSweep() {
        List<PolicySpec> specs = new ArrayList<>();
        for (int proactiveness : PROACTIVENESS) {
            specs.add(new PolicySpec.Linux(OptionalInt.of(proactiveness)));
        }
        return specs;
    }

    private static List<PolicySpec> marginSweep(PolicySpec.Reserving family) {
        List<PolicySpec> specs = new ArrayList<>();
        for (double margin : MARGINS) {
            specs.add(family.withMargin(margin));
        }
        return specs;
    }

    private static List<PolicySpec> thresholdSweep(PolicySpec.Peak family) {
        List<PolicySpec> specs = new ArrayList<>();
        for (double threshold : THRESHOLDS) {
            specs.add(family.withThreshold(threshold));
        }
        return specs;
    }

    private static List<String> names(List<PolicySpec> specs) {
        return specs.stream().map(PolicySpec::name).toList();
    }

    /** The key of the parameter sweep's experiment; the others are keyed by their level ("80 %"). */
    static final String SWEEP = "sweep";

    /** Every headline policy at each other level, and the parameter sweep at 95 %. */
    static Plan.Work<String> work(ReproduceSettings settings) {
        long nanos = settings.shortStressNanos();
        Map<String, ExperimentSpec> experiments = new LinkedHashMap<>();
        for (double level : LEVELS) {
            experiments.put(
                    label(level),
                    Context.spec(settings, StressWorkload.kernel(level, Context.HEAP_BYTES), Policies.HEADLINE, nanos));
        }
        experiments.put(
                SWEEP,
                Context.spec(
                        settings,
                        StressWorkload.kernel(StressSections.PRESSURE, Context.HEAP_BYTES),
                        policies(),
                        nanos));
        return new Plan.Work<>(Plan.Id.PARETO, experiments, 0);
    }

    private static String label(double level) {
        return Math.round(100 * level) + " %";
    }

    /**
     * Section 12, given section 1's experiment (the 95 % headline points); its result is the
     * headline experiment of each demand level, by label ("80 %", "90 %", "95 %").
     */
    static Part<Map<String, ExperimentResult>> build(
            Context context, Plan.Work<String> work, ExperimentResult shortStress) {
        long nanos = context.settings().shortStressNanos();
        Section section = Context.section(work.id(), "OOM events against bytes moved");
        section.paragraph("The section-1 workload (stress, "
                + Cell.format(ReproduceSettings.minutesOf(nanos), 1, false) + " minutes, seeds 1.."
                + context.settings().seeds() + ") at demand 80, 90 and 95 %, every headline policy; then at 95 % each"
                + " family swept over its parameter: the wake-up margin m of reserve, holt, neural and oracle"
                + " (`NAME@m`, default 0), the forecast threshold of the `-peak` rules (`NAME@θ`) and linux's"
                + " proactiveness. A policy beats another only if it has fewer OOM events for no more bytes moved;"
                + " the last column is the paired OOM events avoided per MiB of extra copying.");
        Map<String, ExperimentResult> byLevel = new LinkedHashMap<>();
        for (double level : LEVELS) {
            byLevel.put(label(level), context.experiment(work, label(level)));
        }
        byLevel.put(label(StressSections.PRESSURE), shortStress);
        for (Map.Entry<String, ExperimentResult> level : byLevel.entrySet()) {
            ExperimentResult result = level.getValue();
            section.table(
                    table(result, result.spec().names(), "Demand " + level.getKey() + StressSections.achieved(result)));
            section.paragraph("At demand " + level.getKey() + ": " + String.join(" ", Headline.sentences(result)));
        }
        ExperimentResult sweep = context.experiment(work, SWEEP);
        section.table(table(sweep, sweep.spec().names(), "Demand 95 %, parameter sweeps"));
        chart(context, shortStress, sweep);
        section.chart(CHART, "Mean OOM events against mean MiB moved per run at demand 95 %, one curve per family");
        section.data("experiment", Json.object().set("policies", ExperimentReport.policies(sweep)));
        return new Part<>(section, byLevel);
    }

    private static Table table(ExperimentResult result, List<String> policies, String title) {
        Table table = new Table(
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
            Summary moved = Metric.Display.MIB.scale(result.summary(policy, Metric.BYTES_MOVED));
            boolean baseline = policy.equals(ExperimentSpec.BASELINE.name());
            Summary oomChange = baseline ? null : result.versusBaseline(policy, Metric.OOM_EVENTS);
            Summary movedChange =
                    baseline ? null : Metric.Display.MIB.scale(result.versusBaseline(policy, Metric.BYTES_MOVED));
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

    private static void chart(Context context, ExperimentResult headline, ExperimentResult sweep) {
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put(
                "reactive-slide / reactive / periodic",
                points(headline, List.of(Policies.REACTIVE_SLIDE, Policies.REACTIVE, Policies.PERIODIC)));
        series.put("linux (proactiveness 20, 60, 100)", points(sweep, names(linuxSweep())));
        for (PolicySpec.Reserving family : RESERVE_FAMILIES) {
            double[][] swept = points(sweep, names(marginSweep(family)));
            double[][] withDefault = points(headline, List.of(family.name()));
            series.put(family.name() + " (margin 0 to 2)", prepend(withDefault, swept));
        }
        for (PolicySpec.Peak family : PEAK_FAMILIES) {
            series.put(family.name() + " (θ 0.80 to 0.95)", points(sweep, names(thresholdSweep(family))));
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
            points[0][i] = Metric.Display.MIB
                    .scale(result.summary(policies.get(i), Metric.BYTES_MOVED))
                    .mean();
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
