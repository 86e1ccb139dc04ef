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
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.ExperimentReport;
import org.mempred.lab.report.Json;
import org.mempred.lab.report.Phrase;
import org.mempred.lab.report.Table;
import org.mempred.lab.workload.BurstyConfig;
import org.mempred.lab.workload.BurstyWorkload;
import tools.jackson.databind.node.ArrayNode;

/**
 * Section 15: the reserve's bounded escalation (a window, several windows, a range slide, a full
 * compaction for a forecast surge) on the bursty workload at demand 95 % and on every replay of
 * section 10: mean OOM events and bytes moved of the policies the escalation was built for, the
 * goals judged per workload ({@link BurstGoals}), which step served the refills, and where the
 * oracle's forecast pays. Its result is one summary sentence per workload, for the report's
 * opening.
 */
final class EscalationSection {
    static final double DEMAND = 0.95;

    /** The policies of the table the escalation is judged by, in its order. */
    static final List<String> COLUMNS = List.of(
            Policies.REACTIVE,
            Policies.PERIODIC,
            Policies.LINUX,
            Policies.peak(Forecaster.NEURAL).name(),
            Policies.RESERVE,
            Policies.demand(Forecaster.HOLT).name(),
            Policies.demand(Forecaster.ZGC).name(),
            Policies.demand(Forecaster.NEURAL).name(),
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

    private EscalationSection() {}

    /** The bursty experiment. */
    static int steps(ReproduceSettings settings) {
        return Context.runs(settings, Policies.HEADLINE);
    }

    /** Section 15 from the bursty run and section 10's replays; its result is the summary's sentences. */
    static Part<List<String>> build(Context context, Map<String, ExperimentResult> traces) {
        ReproduceSettings settings = context.settings();
        BurstyWorkload workload = BurstyWorkload.of(DEMAND, Context.HEAP_BYTES);
        ExperimentResult bursty =
                context.experiment("14 bursty", workload, Policies.HEADLINE, settings.shortStressNanos());
        Section section = new Section(15, "Escalation of the reserve: bursts and real traces");
        section.paragraph(describe(workload.config(), settings));
        section.table(ExperimentReport.summary("Bursty workload at demand 95 %", bursty, METRICS));
        section.table(ExperimentReport.paired("Bursty workload, paired change vs reactive", bursty, METRICS));
        section.paragraph(Verdicts.oomFindings(bursty));
        Map<String, ExperimentResult> workloads = new LinkedHashMap<>();
        workloads.put(workload.name(), bursty);
        workloads.putAll(traces);
        section.table(overview(workloads));
        List<String> sentences = new ArrayList<>();
        for (Map.Entry<String, ExperimentResult> entry : workloads.entrySet()) {
            String name = entry.getKey();
            ExperimentResult result = entry.getValue();
            BurstGoals.Figures figures = (policy, metric) -> result.runs(policy).values(metric);
            List<BurstGoals.Standing> standings = BurstGoals.standings(reserving(result), figures);
            section.table(BurstGoals.table(name, standings));
            section.table(mix(name, result));
            String verdict = BurstGoals.verdict(name, standings);
            String pays = BurstGoals.forecastPays(name, figures);
            section.paragraph(verdict);
            section.paragraph(pays);
            if (result == bursty) {
                sentences.add(verdict);
                sentences.add(pays);
            }
        }
        ArrayNode runs = Json.array();
        workloads.forEach((name, result) ->
                runs.addObject().put("workload", name).set("policies", ExperimentReport.policies(result)));
        section.data("workloads", runs);
        return new Part<>(section, sentences);
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

    private static String describe(BurstyConfig config, ReproduceSettings settings) {
        return String.format(
                Locale.ROOT,
                "Workload `bursty` (lab/.../workload/BurstyWorkload.java): steady churn of %d-%d B blocks at %s %%"
                        + " of the heap, and bursts of packet buffers (one size per burst from %s B, %s %% atomic)"
                        + " filling %s %% of it over %s-%s ms, at a period each seed draws in %s-%s s (each gap"
                        + " ±%s %%); %d-byte heap, %s minutes per run, seeds 1..%d, every policy on the same stream"
                        + " per seed. A reserve refill that finds no placeable window escalates: several windows,"
                        + " then a slide of the cheapest range (at most %s %% of the arena), then a full"
                        + " compaction only for a surge the policy expects (its forecast at least twice the largest"
                        + " request of the last horizon) — the dearer steps from an allowance of one arena per"
                        + " horizon, the whole refill through the rate limit. Below, the same figures for every"
                        + " replay of section 10.",
                config.churn().sizes().smallMinBytes(),
                config.churn().sizes().smallMaxBytes(),
                Cell.format(100 * config.churn().targetPressure(), 0, false),
                config.packetSizes(),
                Cell.format(100 * config.packetAtomicShare(), 0, false),
                Cell.format(100 * config.burstShare(), 0, false),
                config.minBurstNanos() / 1_000_000,
                config.maxBurstNanos() / 1_000_000,
                Cell.format(config.minPeriodNanos() / 1e9, 0, false),
                Cell.format(config.maxPeriodNanos() / 1e9, 0, false),
                Cell.format(100 * config.periodJitter(), 0, false),
                Context.HEAP_BYTES,
                Cell.format(ReproduceSettings.minutesOf(settings.shortStressNanos()), 1, false),
                settings.seeds(),
                Cell.format(100 * ReserveEscalation.RANGE_SHARE, 1, false));
    }
}
