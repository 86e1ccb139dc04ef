package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec;
import org.mempred.govern.PolicySpec.Forecaster;
import org.mempred.govern.ReserveEscalation;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.ExperimentReport;
import org.mempred.lab.report.Json;
import org.mempred.lab.report.Phrase;
import org.mempred.lab.report.Table;
import org.mempred.lab.stats.Summary;
import org.mempred.lab.workload.BurstyConfig;
import org.mempred.lab.workload.BurstyWorkload;
import org.mempred.lab.workload.StressWorkload;
import org.mempred.lab.workload.Workload;
import tools.jackson.databind.node.ArrayNode;

/**
 * Section 15: the decision — contiguous capacity per size class against the forecast volume of
 * the next horizon ({@code VolumePolicy}) — on the stressor at 80, 90 and 95 %, on every shape of
 * the bursty family at 95 % and on every replay of section 10: mean OOM events and bytes moved of
 * every policy, the goals judged per workload from per-seed figures ({@link BurstGoals}), which
 * refill step served, where the oracle's foresight pays against {@code persistence}, and the share
 * of that gain the best learned forecaster reaches. Its result is one sentence per workload, for
 * the report's opening.
 */
final class DecisionSection {
    static final double DEMAND = 0.95;
    static final List<Double> STRESS_LEVELS = List.of(0.80, 0.90, 0.95);
    /** The learned forecasters whose best is judged against the oracle. */
    static final List<String> LEARNED = List.of(
            Forecaster.HOLT.label(), Forecaster.ZGC.label(), Forecaster.CROSTON.label(), Forecaster.NEURAL.label());

    /** The policies of the table the escalation is judged by, in its order. */
    static final List<String> COLUMNS = List.of(
            Policies.REACTIVE,
            Policies.PERIODIC,
            Policies.LINUX,
            Policies.RESERVE,
            Policies.demand(Forecaster.NEURAL).name(),
            Forecaster.PERSISTENCE.label(),
            Forecaster.HOLT.label(),
            Forecaster.ZGC.label(),
            Forecaster.CROSTON.label(),
            Forecaster.NEURAL.label(),
            BurstGoals.ORACLE);

    private static final List<Metric> METRICS = List.of(
            Metric.OOM_EVENTS,
            Metric.OOM_FRAGMENTATION,
            Metric.OOM_EXHAUSTION,
            Metric.PROACTIVE_COMPACTIONS,
            Metric.BYTES_MOVED,
            Metric.REFILLS_WINDOW,
            Metric.REFILLS_WINDOWS,
            Metric.REFILLS_RANGE,
            Metric.REFILLS_FULL,
            Metric.REFILLS_UNSERVED,
            Metric.RATE_LIMITED,
            Metric.P99_RESPONSE_MICROS);

    private static final List<Metric> MIX = List.of(
            Metric.REFILLS_WINDOW,
            Metric.REFILLS_WINDOWS,
            Metric.REFILLS_RANGE,
            Metric.REFILLS_FULL,
            Metric.REFILLS_UNSERVED);

    private DecisionSection() {}

    /** Every headline policy on the stressor levels, then on the bursty shapes, keyed by workload name. */
    static Plan.Work<String> work(ReproduceSettings settings) {
        Map<String, ExperimentSpec> experiments = new LinkedHashMap<>();
        List<Workload> workloads = new ArrayList<>();
        for (double level : STRESS_LEVELS) {
            workloads.add(StressWorkload.kernel(level, Context.HEAP_BYTES));
        }
        for (BurstyConfig.Shape shape : BurstyConfig.Shape.values()) {
            workloads.add(BurstyWorkload.of(shape, DEMAND, Context.HEAP_BYTES));
        }
        for (Workload workload : workloads) {
            experiments.put(
                    workload.name(), Context.spec(settings, workload, Policies.HEADLINE, settings.shortStressNanos()));
        }
        return new Plan.Work<>(Plan.Id.DECISION, experiments, 0);
    }

    /**
     * What section 15 measured for the report's opening: one sentence per workload on the goals,
     * the workload families of the table "where does prediction pay?", and each long-running
     * program at each pressure as a family of its own.
     */
    record Decision(
            List<String> sentences,
            List<WherePredictionPays.Family> families,
            List<WherePredictionPays.Family> programs) {
        Decision {
            sentences = List.copyOf(sentences);
            families = List.copyOf(families);
            programs = List.copyOf(programs);
        }
    }

    /** Section 15 from its own runs and section 10's replays. */
    static Part<Decision> build(Context context, Plan.Work<String> work, TraceSection.Replays traces) {
        ReproduceSettings settings = context.settings();
        Map<String, ExperimentResult> workloads = context.experiments(work);
        List<String> bursty = new ArrayList<>();
        List<ExperimentResult> stressRuns = new ArrayList<>();
        List<ExperimentResult> burstyRuns = new ArrayList<>();
        workloads.forEach((name, result) -> {
            if (result.spec().workload() instanceof BurstyWorkload) {
                burstyRuns.add(result);
                bursty.add(name);
            } else {
                stressRuns.add(result);
            }
        });
        workloads.putAll(traces.byName());
        List<WherePredictionPays.Family> families = new ArrayList<>();
        families.add(new WherePredictionPays.Family("stressor at " + percents(STRESS_LEVELS), stressRuns));
        families.add(new WherePredictionPays.Family("bursty shapes at " + percents(List.of(DEMAND)), burstyRuns));
        for (double pressure : TraceSection.PRESSURES) {
            families.add(new WherePredictionPays.Family(
                    "short recordings at " + percents(List.of(pressure)) + " peak live", traces.at(false, pressure)));
        }
        for (double pressure : TraceSection.PRESSURES) {
            families.add(new WherePredictionPays.Family(
                    "long-running programs at " + percents(List.of(pressure)) + " peak live",
                    traces.at(true, pressure)));
        }
        List<WherePredictionPays.Family> programs = new ArrayList<>();
        traces.results().forEach((replay, result) -> {
            if (replay.trace().longRunning()) {
                programs.add(new WherePredictionPays.Family(replay.name(), List.of(result)));
            }
        });
        Section section = Context.section(work.id(), "The decision: contiguous capacity against forecast volume");
        section.paragraph(describe(settings));
        section.table(overview(workloads));
        section.table(foresight(workloads, bursty));
        List<String> sentences = new ArrayList<>();
        for (Map.Entry<String, ExperimentResult> entry : workloads.entrySet()) {
            String name = entry.getKey();
            ExperimentResult result = entry.getValue();
            BurstGoals.Figures figures = (policy, metric) -> result.runs(policy).values(metric);
            List<BurstGoals.Standing> standings = BurstGoals.standings(reserving(result), figures);
            section.table(BurstGoals.table(name, standings));
            section.table(
                    ExperimentReport.paired(name + ", paired change vs reserve", result, METRICS, Policies.RESERVE));
            section.table(mix(name, result));
            String verdict = BurstGoals.verdict(name, standings);
            String pays = BurstGoals.forecastPays(name, figures);
            section.paragraph(verdict);
            section.paragraph(pays);
            sentences.add(verdict);
        }
        ArrayNode runs = Json.array();
        workloads.forEach((name, result) ->
                runs.addObject().put("workload", name).set("policies", ExperimentReport.policies(result)));
        section.data("workloads", runs);
        return new Part<>(section, new Decision(sentences, families, programs));
    }

    /** "80, 90, 95 %". */
    private static String percents(List<Double> levels) {
        List<String> parts = new ArrayList<>();
        for (double level : levels) {
            parts.add(Cell.format(100 * level, 0, false));
        }
        return String.join(", ", parts) + " %";
    }

    /** The reserving policies of {@code result} (reserve and every demand forecast), in report order. */
    static List<String> reserving(ExperimentResult result) {
        List<String> names = new ArrayList<>();
        for (PolicySpec spec : result.spec().policies()) {
            if (spec instanceof PolicySpec.Reserving) {
                names.add(spec.name());
            }
        }
        return names;
    }

    /** Mean OOM events per run / MiB moved of {@link #COLUMNS} on every workload. */
    static Table overview(Map<String, ExperimentResult> workloads) {
        List<String> header = new ArrayList<>();
        header.add("workload (mean OOM events per run / MiB moved)");
        header.addAll(COLUMNS);
        Table table = new Table("OOM events and bytes moved by workload", header);
        workloads.forEach((name, result) -> {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(name));
            for (String policy : COLUMNS) {
                double oom = result.summary(policy, Metric.OOM_EVENTS).mean();
                double mib = Metric.Display.MIB.scale(
                        result.summary(policy, Metric.BYTES_MOVED).mean());
                row.add(Cell.words(
                        Phrase.builder().value(oom, 1).text(" / ").value(mib, 2).build()));
            }
            table.row(row);
        });
        return table;
    }

    /** Which step served the refills of each reserving policy, per run. */
    private static Table mix(String workload, ExperimentResult result) {
        List<String> header = new ArrayList<>();
        header.add("refills per run on " + workload + " served by (mean ± 95% CI)");
        List<String> policies = reserving(result);
        header.addAll(policies);
        Table table = new Table("Refill steps on " + workload, header);
        for (Metric metric : MIX) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(metric.label().strip()));
            for (String policy : policies) {
                row.add(Cell.estimate(result.summary(policy, metric), metric.display(), false));
            }
            table.row(row);
        }
        return table;
    }

    /**
     * Per bursty workload: persistence − oracle (the value of foresight, paired), and the share of
     * that gain in mean OOM events the best learned forecaster reaches.
     */
    static Table foresight(Map<String, ExperimentResult> workloads, List<String> names) {
        Table table = new Table(
                "Foresight on the bursty family: oracle and the best learned forecaster against persistence",
                List.of(
                        "workload",
                        "oracle − persistence, OOM events (paired)",
                        "oracle − persistence, MiB moved (paired)",
                        "best learned",
                        "its OOM events − persistence's (paired)",
                        "share of the oracle's OOM gain reached, %"));
        for (String name : names) {
            ExperimentResult result = workloads.get(name);
            String persistence = Forecaster.PERSISTENCE.label();
            Summary oracleOom = result.versus(BurstGoals.ORACLE, persistence, Metric.OOM_EVENTS);
            Summary oracleBytes = result.versus(BurstGoals.ORACLE, persistence, Metric.BYTES_MOVED)
                    .times(Metric.Display.MIB.scale(1.0));
            String best = best(result);
            Summary bestOom = result.versus(best, persistence, Metric.OOM_EVENTS);
            double gain = -oracleOom.mean();
            double share = gain > 0 ? 100 * -bestOom.mean() / gain : Double.NaN;
            table.row(List.of(
                    Cell.text(name),
                    Cell.estimate(oracleOom, 1, true),
                    Cell.estimate(oracleBytes, 2, true),
                    Cell.text(best),
                    Cell.estimate(bestOom, 1, true),
                    Cell.value(share, 0)));
        }
        return table;
    }

    /** The learned forecaster with the fewest mean OOM events on {@code result}, ties broken by bytes moved. */
    static String best(ExperimentResult result) {
        return WherePredictionPays.bestForecaster(
                new WherePredictionPays.Family(result.spec().workload().name(), List.of(result)));
    }

    private static String describe(ReproduceSettings settings) {
        return String.format(
                Locale.ROOT,
                "Every headline policy on the stressor at demand 80, 90 and 95 %%, on every shape of the bursty"
                        + " family at demand 95 %% (lab/.../workload/BurstyConfig.java, Shape: bursts filling 5 to 50"
                        + " %% of the heap over 50 ms to 2.5 s, regular, jittered and exponential gaps, and a stream of"
                        + " packet buffers held for milliseconds whose bursts request ~10 heaps), and on every replay"
                        + " of section 10; %d-byte heap, %s minutes per synthetic run, seeds 1..%d, every policy on the"
                        + " same stream per seed. The forecasting policies (persistence, holt, zgc, croston, neural,"
                        + " oracle) set the contiguous capacity of each size class (octaves from 512 B) against the"
                        + " volume their forecaster expects over the next 5 s: a class whose capacity would run out"
                        + " at twice the forecast rate before the next tick plus one refill gets one block of its"
                        + " need at once, through the escalation (windows, a range slide of at most %s %% of the"
                        + " arena, a full compaction within the allowance of one arena per horizon) and the rate"
                        + " limit; a fragmentation failure boosts its class's need 4× for a few ticks. Over that each"
                        + " keeps reserve's one block of the largest request so far. neural-largest is the"
                        + " largest-request rule, kept for the record.",
                Context.HEAP_BYTES,
                Cell.format(ReproduceSettings.minutesOf(settings.shortStressNanos()), 1, false),
                settings.seeds(),
                Cell.format(100 * ReserveEscalation.RANGE_SHARE, 1, false));
    }
}
