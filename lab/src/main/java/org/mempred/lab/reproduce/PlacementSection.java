package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mempred.govern.Placement;
import org.mempred.govern.PolicySpec;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.ExperimentReport;
import org.mempred.lab.report.Json;
import org.mempred.lab.report.Phrase;
import org.mempred.lab.report.Table;
import org.mempred.lab.sim.PlacementCheck;
import org.mempred.lab.sim.RunResult;
import org.mempred.lab.sim.SimulationOptions;
import org.mempred.lab.sim.Simulator;
import org.mempred.lab.stats.Stats;
import org.mempred.lab.stats.Summary;
import org.mempred.lab.trace.ReplaySizing;
import org.mempred.lab.trace.TraceSummary;
import org.mempred.lab.trace.TraceWorkload;
import org.mempred.lab.workload.StressWorkload;
import org.mempred.lab.workload.Workload;
import org.mempred.lifetime.LifetimeClass;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Section 14: placement by predicted lifetime composed with compaction. Every placement runs with
 * {@code reactive} and {@code reserve} on the stressor (with sites) at demand 80, 90 and 95 % and
 * on every shipped trace with its peak live bytes at 95 % and 100 % of the heap, paired per seed
 * against {@code tlsf} + {@code reserve} (the best plain configuration of the earlier sections).
 * A placement that needs sites is refused on a trace without them (mempred-trace v1) and shown
 * as such. Per trace, the peak footprint a placement needs is found as the smallest heap that
 * serves the trace (seed 1, {@code reserve}) with no OOM event, by bisection between the peak
 * live bytes and twice them; the stressor has no such figure, since its live set is defined as a
 * share of the heap it runs on.
 */
final class PlacementSection {
    static final double[] DEMANDS = {0.80, 0.90, 0.95};
    static final double[] TRACE_PRESSURES = {0.95, 1.00};
    static final List<PolicySpec> POLICIES = List.of(PolicySpec.parse("reserve"));
    static final String BASE_POLICY = "reserve";
    static final int BISECTION_STEPS = 7;
    /** The largest heap tried, as a multiple of the peak live bytes. */
    private static final double MAX_FOOTPRINT_RATIO = 2.0;

    private static final List<Metric> METRICS =
            List.of(Metric.OOM_EVENTS, Metric.OOM_FRAGMENTATION, Metric.MEAN_FRAGMENTATION, Metric.BYTES_MOVED);

    private PlacementSection() {}

    /** One workload's runs: each placement's experiment, null where the placement was refused. */
    record Grid(String name, Map<Placement, ExperimentResult> byPlacement) {
        ExperimentResult base() {
            return byPlacement.get(Placement.TLSF);
        }
    }

    /** One experiment: a placement on the workload of one grid. */
    record GridRun(String grid, Placement placement) {}

    /**
     * Every placement a workload can take (a placement that needs sites is refused on a trace
     * without them, so it is not declared), by grid, in run order; and per trace the probes of the
     * footprint bisection of each placement it can take.
     */
    static Plan.Work<GridRun> work(ReproduceSettings settings, ReplayTraces traces) {
        Map<GridRun, ExperimentSpec> experiments = new LinkedHashMap<>();
        int probes = 0;
        for (double demand : DEMANDS) {
            StressWorkload workload = StressWorkload.kernel(demand, Context.HEAP_BYTES);
            SimulationOptions options = SimulationOptions.of(Context.HEAP_BYTES, settings.shortStressNanos());
            declare(experiments, settings, workload.name(), workload, options);
        }
        for (ReplayTraces.Trace trace : traces.all()) {
            TraceWorkload workload = trace.workload();
            long replayNanos = Math.max(1, workload.replayNanos());
            for (double pressure : TRACE_PRESSURES) {
                int heapBytes =
                        ReplaySizing.autoCapacityBytes(workload.summary().peakLiveBytes(), pressure);
                String name = trace.file() + " at " + Cell.format(100 * pressure, 0, false) + " %";
                declare(experiments, settings, name, workload, SimulationOptions.of(heapBytes, replayNanos));
            }
            for (Placement placement : Placement.values()) {
                probes += PlacementCheck.fits(placement, workload) ? BISECTION_STEPS : 0;
            }
        }
        return new Plan.Work<>(Plan.Id.PLACEMENT, experiments, probes);
    }

    private static void declare(
            Map<GridRun, ExperimentSpec> experiments,
            ReproduceSettings settings,
            String grid,
            Workload workload,
            SimulationOptions options) {
        for (Placement placement : Placement.values()) {
            if (PlacementCheck.fits(placement, workload)) {
                experiments.put(
                        new GridRun(grid, placement),
                        Context.spec(settings, workload, POLICIES, options.withPlacement(placement)));
            }
        }
    }

    static Part<List<Grid>> build(Context context, Plan.Work<GridRun> work) {
        ReproduceSettings settings = context.settings();
        Section section = Context.section(work.id(), "Placement by predicted lifetime");
        section.paragraph("Each block's lifetime class (" + classes() + ") is predicted at allocation and the"
                + " block placed near its class's address span (short-lived low, long-lived high; TLSF's size"
                + " fit first). Placements: " + String.join(", ", Placement.ids()) + ". Each runs with `reactive`"
                + " and `reserve`, seeds 1.." + settings.seeds() + ", paired against `tlsf` + `reserve` (Δ columns;"
                + " * marks a 95 % CI that excludes 0). Lifetime class exact % is the share of freed blocks whose"
                + " class was predicted exactly.");
        Map<String, Map<Placement, ExperimentResult>> byGrid = new LinkedHashMap<>();
        Map<String, TraceWorkload> traces = new LinkedHashMap<>();
        for (GridRun run : work.experiments().keySet()) {
            ExperimentResult result = context.experiment(work, run);
            Map<Placement, ExperimentResult> grid = byGrid.computeIfAbsent(run.grid(), name -> {
                Map<Placement, ExperimentResult> refusedUntilRun = new LinkedHashMap<>();
                for (Placement placement : Placement.values()) {
                    refusedUntilRun.put(placement, null);
                }
                return refusedUntilRun;
            });
            grid.put(run.placement(), result);
            if (result.spec().workload() instanceof TraceWorkload trace) {
                traces.putIfAbsent(String.valueOf(trace.path().getFileName()), trace);
            }
        }
        List<Grid> grids = new ArrayList<>();
        byGrid.forEach((name, byPlacement) -> grids.add(new Grid(name, byPlacement)));
        Map<String, double[]> footprints = new LinkedHashMap<>();
        traces.forEach((file, workload) -> footprints.put(
                file, footprints(context, workload, workload.summary(), Math.max(1, workload.replayNanos()))));
        ArrayNode json = Json.array();
        for (Grid grid : grids) {
            section.table(table(grid));
            section.table(accuracy(grid));
            json.add(json(grid));
        }
        if (!footprints.isEmpty()) {
            section.table(footprintTable(footprints));
        }
        section.paragraph(verdict(grids));
        section.data("grids", json);
        return new Part<>(section, grids);
    }

    private static Table table(Grid grid) {
        List<String> header = new ArrayList<>(List.of("placement", "policy"));
        for (Metric metric : METRICS) {
            header.add(metric.label().strip());
        }
        header.add("lifetime class exact %");
        header.add("Δ OOM events");
        header.add("Δ KiB moved");
        Table table = new Table("Placement on " + grid.name() + " (Δ: paired vs tlsf + reserve)", header);
        ExperimentResult base = grid.base();
        for (Map.Entry<Placement, ExperimentResult> entry : grid.byPlacement().entrySet()) {
            ExperimentResult result = entry.getValue();
            if (result == null) {
                List<Cell> refused =
                        new ArrayList<>(List.of(Cell.text(entry.getKey().id()), Cell.text("refused")));
                for (int i = 2; i < header.size(); i++) {
                    refused.add(Cell.text(i == 2 ? "no sites in a v1 trace" : ""));
                }
                table.row(refused);
                continue;
            }
            for (String policy : result.spec().names()) {
                List<Cell> row =
                        new ArrayList<>(List.of(Cell.text(entry.getKey().id()), Cell.text(policy)));
                for (Metric metric : METRICS) {
                    row.add(Cell.estimate(result.summary(policy, metric), metric.display(), false));
                }
                row.add(Cell.estimate(
                        result.summary(policy, Metric.LIFETIME_EXACT), Metric.LIFETIME_EXACT.display(), false));
                row.add(Cell.estimate(
                        paired(result, policy, base, Metric.OOM_EVENTS), Metric.OOM_EVENTS.display(), true));
                row.add(Cell.estimate(
                        paired(result, policy, base, Metric.BYTES_MOVED), Metric.BYTES_MOVED.display(), true));
                table.row(row);
            }
        }
        return table;
    }

    /** Paired difference of {@code metric}, ({@code result}, {@code policy}) minus tlsf + reserve, per seed. */
    static Summary paired(ExperimentResult result, String policy, ExperimentResult base, Metric metric) {
        return Stats.pairedDifference(
                result.runs(policy).values(metric), base.runs(BASE_POLICY).values(metric));
    }

    private static Table accuracy(Grid grid) {
        List<String> header = new ArrayList<>(List.of("placement"));
        for (int c = 0; c < LifetimeClass.COUNT; c++) {
            header.add("recall " + LifetimeClass.label(c) + " %");
        }
        header.add("freed blocks per class (" + classes() + ")");
        Table table = new Table("Lifetime prediction on " + grid.name() + " (reserve, summed over seeds)", header);
        for (Map.Entry<Placement, ExperimentResult> entry : grid.byPlacement().entrySet()) {
            if (entry.getKey() == Placement.TLSF || entry.getValue() == null) {
                continue;
            }
            long[] hit = new long[LifetimeClass.COUNT];
            long[] observed = new long[LifetimeClass.COUNT];
            for (RunResult run : entry.getValue().runs(BASE_POLICY).runs()) {
                if (run.placing().stats() == null) {
                    continue;
                }
                for (int c = 0; c < LifetimeClass.COUNT; c++) {
                    hit[c] += run.placing().stats().count(c, c);
                    observed[c] += run.placing().stats().observed(c);
                }
            }
            List<Cell> row = new ArrayList<>(List.of(Cell.text(entry.getKey().id())));
            Phrase.Builder counts = Phrase.builder();
            for (int c = 0; c < LifetimeClass.COUNT; c++) {
                row.add(Cell.value(observed[c] == 0 ? Double.NaN : 100.0 * hit[c] / observed[c], 1));
                counts.text(c == 0 ? "" : " / ").count(observed[c]);
            }
            row.add(Cell.words(counts.build()));
            table.row(row);
        }
        return table;
    }

    private static double[] footprints(
            Context context, TraceWorkload workload, TraceSummary summary, long replayNanos) {
        double[] ratios = new double[Placement.values().length];
        for (Placement placement : Placement.values()) {
            if (!PlacementCheck.fits(placement, workload)) {
                ratios[placement.ordinal()] = Double.NaN;
                continue;
            }
            double low = 1.0;
            double high = MAX_FOOTPRINT_RATIO;
            boolean highServes = false;
            for (int i = 0; i < BISECTION_STEPS; i++) {
                double mid = i == 0 ? high : (low + high) / 2;
                int heapBytes = ReplaySizing.autoCapacityBytes(summary.peakLiveBytes(), 1.0 / mid);
                SimulationOptions options =
                        SimulationOptions.of(heapBytes, replayNanos).withPlacement(placement);
                RunResult run = new Simulator(options).run(workload, POLICIES.get(0), 1);
                context.step(Plan.Id.PLACEMENT);
                boolean serves = run.heap().oomEvents() == 0 && run.safety().crashes() == 0;
                if (i == 0) {
                    highServes = serves;
                    if (!serves) {
                        // no heap up to the largest tried serves: the bisection is over, its
                        // remaining probes done without a run
                        for (int k = 1; k < BISECTION_STEPS; k++) {
                            context.step(Plan.Id.PLACEMENT);
                        }
                        break;
                    }
                } else if (serves) {
                    high = mid;
                } else {
                    low = mid;
                }
            }
            ratios[placement.ordinal()] = highServes ? high : Double.POSITIVE_INFINITY;
        }
        return ratios;
    }

    private static Table footprintTable(Map<String, double[]> footprints) {
        List<String> header = new ArrayList<>(List.of("trace"));
        for (Placement placement : Placement.values()) {
            header.add(placement.id() + " footprint ÷ live");
        }
        Table table = new Table(
                "Peak footprint needed ÷ peak live bytes (smallest heap with no OOM event, reserve,"
                        + " seed 1; within 1/" + (1 << (BISECTION_STEPS - 1)) + " of live; > "
                        + Cell.format(MAX_FOOTPRINT_RATIO, 0, false) + ": not served at "
                        + Cell.format(MAX_FOOTPRINT_RATIO, 0, false) + "×)",
                header);
        for (Map.Entry<String, double[]> entry : footprints.entrySet()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(entry.getKey())));
            for (double ratio : entry.getValue()) {
                row.add(
                        Double.isInfinite(ratio)
                                ? Cell.words(Phrase.builder()
                                        .text("> ")
                                        .value(MAX_FOOTPRINT_RATIO, 0)
                                        .build())
                                : Cell.value(ratio, 3));
            }
            table.row(row);
        }
        return table;
    }

    /** The section's finding, computed: where the oracle gains on OOM events and how much of it each learned predictor reaches. */
    static String verdict(List<Grid> grids) {
        StringBuilder out = new StringBuilder();
        int oracleBetter = 0;
        int oracleWorse = 0;
        int learnedBetter = 0;
        List<String> reached = new ArrayList<>();
        for (Grid grid : grids) {
            ExperimentResult base = grid.base();
            ExperimentResult oracle = grid.byPlacement().get(Placement.ORACLE_LIFETIME);
            Summary oracleGain = paired(oracle, BASE_POLICY, base, Metric.OOM_EVENTS);
            boolean gains = oracleGain.excludesZero() && oracleGain.mean() < 0;
            oracleBetter += gains ? 1 : 0;
            oracleWorse += oracleGain.excludesZero() && oracleGain.mean() > 0 ? 1 : 0;
            for (Placement learned : List.of(Placement.SITE_TABLE, Placement.SIZE_CLASS, Placement.NEURAL_LIFETIME)) {
                ExperimentResult result = grid.byPlacement().get(learned);
                if (result == null) {
                    continue;
                }
                Summary oom = paired(result, BASE_POLICY, base, Metric.OOM_EVENTS);
                Summary moved = paired(result, BASE_POLICY, base, Metric.BYTES_MOVED);
                if (oom.excludesZero() && oom.mean() < 0 && moved.mean() <= 0) {
                    learnedBetter++;
                }
                if (gains) {
                    reached.add(learned.id() + " on " + grid.name() + ": "
                            + Cell.format(100 * oom.mean() / oracleGain.mean(), 0, false) + " %");
                }
            }
        }
        out.append("Computed over the ")
                .append(grids.size())
                .append(" workloads above: `oracle-lifetime` + `reserve`")
                .append(" has significantly fewer OOM events than `tlsf` + `reserve` on ")
                .append(oracleBetter)
                .append(", significantly more on ")
                .append(oracleWorse)
                .append("; a learned placement is significantly better on OOM events at no more bytes moved in ")
                .append(learnedBetter)
                .append(" (workload, predictor) pairs.");
        if (reached.isEmpty()) {
            out.append(" Where the oracle does not gain there is no gain for a learned predictor to reach: on these"
                    + " workloads a reserve refilled by evacuation already serves what placement by lifetime could,"
                    + " and knowing each block's lifetime class does not make the large free blocks that failing"
                    + " requests need.");
        } else {
            out.append(" Share of the oracle's OOM gain each learned predictor reaches where the oracle gains: ")
                    .append(String.join("; ", reached))
                    .append('.');
        }
        return out.toString();
    }

    private static ObjectNode json(Grid grid) {
        ObjectNode node = Json.object();
        node.put("workload", grid.name());
        ObjectNode placements = node.putObject("placements");
        for (Map.Entry<Placement, ExperimentResult> entry : grid.byPlacement().entrySet()) {
            if (entry.getValue() == null) {
                placements.put(entry.getKey().id(), "refused: no sites");
            } else {
                placements.set(entry.getKey().id(), ExperimentReport.policies(entry.getValue()));
            }
        }
        return node;
    }

    private static String classes() {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < LifetimeClass.COUNT; c++) {
            out.append(c == 0 ? "" : ", ").append(LifetimeClass.label(c));
        }
        return out.toString();
    }
}
