package org.mempred.lab.reproduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mempred.lab.Machine;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.report.Json;
import org.mempred.lab.report.Table;
import org.mempred.lab.sim.Calibration;
import org.mempred.lab.stats.Summary;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code mempred reproduce}: re-runs every experiment of the seed report with mempred and writes
 * {@code report.md}, {@code results.json} and the PNG charts into one directory.
 *
 * <p>Sections run in order; each returns its {@link Section} and a typed result ({@link Part}),
 * and what a later section or the summary needs is handed to it here, explicitly. Each section
 * produces its Markdown and its JSON from the same {@link Table} cells, so every number in the
 * report is in the JSON (rounded in one, unrounded in the other), and declares the charts it
 * drew. The work of every section is declared first ({@link #declare}, a {@link Plan}), and
 * progress counts against it. Nothing here is a figure: the header
 * states the command, the commit and tree state it ran from ({@link Provenance}), the machine,
 * the compaction cost model's calibration every simulated run used ({@link Calibration}) and the
 * settings.
 */
public final class Reproduction {
    /** The report's file name. */
    public static final String REPORT = "report.md";
    /** The JSON's file name. */
    public static final String RESULTS = "results.json";

    private Reproduction() {}

    /** Where the outputs went. */
    public record Output(Path report, Path results, List<Path> charts) {
        /** Copies the chart list. */
        public Output {
            charts = List.copyOf(charts);
        }
    }

    /**
     * Runs everything and writes the outputs into {@code outDir} (created when missing), with no
     * known commit ({@link Provenance#UNKNOWN}).
     *
     * @param commandLine how the run was started, printed in the report
     */
    public static Output run(ReproduceSettings settings, Path outDir, ReproduceProgress progress, String commandLine) {
        return run(settings, outDir, progress, commandLine, Provenance.UNKNOWN);
    }

    /**
     * Runs everything and writes the outputs into {@code outDir} (created when missing).
     *
     * @param commandLine how the run was started, printed in the report
     * @param provenance the commit and tree state the run was started from, printed in the report
     */
    public static Output run(
            ReproduceSettings settings,
            Path outDir,
            ReproduceProgress progress,
            String commandLine,
            Provenance provenance) {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outDir, e);
        }
        try (ReplayTraces replayTraces = ReplayTraces.open(settings)) {
            return run(settings, outDir, progress, new Header(commandLine, provenance), replayTraces);
        }
    }

    private static Output run(
            ReproduceSettings settings,
            Path outDir,
            ReproduceProgress progress,
            Header header,
            ReplayTraces replayTraces) {
        Declared plan = declare(settings, replayTraces);
        Context context = new Context(settings, outDir, progress, plan.plan());
        Part<ExperimentResult> shortStress = StressSections.shortStress(context, plan.shortStress());
        Part<ExperimentResult> longStress = StressSections.longStress(context, plan.longStress(), shortStress.result());
        Part<ExperimentResult> autonomy = AutonomySection.build(context, plan.autonomy());
        Part<Optional<AccuracySection.NeuralBands>> accuracy = AccuracySection.build(context, shortStress.result());
        Part<Map<Integer, ExperimentResult>> sweep = SweepSection.build(context, plan.sweep());
        Part<Summary> coldStart = ColdStartSection.build(context);
        Part<Long> footprint = FootprintSection.build(context);
        Part<Double> latency = LatencySection.build(context);
        Part<SafetySection.Tally> safety = SafetySection.build(context);
        Part<TraceSection.Replays> traces = TraceSection.build(context, plan.traces());
        Section claims = ClaimsSection.build(new ClaimsSection.Measured(
                shortStress.result(),
                longStress.result(),
                autonomy.result(),
                accuracy.result(),
                sweep.result(),
                coldStart.result(),
                footprint.result(),
                latency.result(),
                safety.result()));
        Part<Map<String, ExperimentResult>> pareto = ParetoSection.build(context, plan.pareto(), shortStress.result());
        Part<Map<String, ExperimentResult>> horizons = HorizonSection.build(context, plan.horizons());
        Part<List<PlacementSection.Grid>> placement = PlacementSection.build(context, plan.placement());
        Part<DecisionSection.Decision> escalation = DecisionSection.build(context, plan.decision(), traces.result());
        List<Section> sections = List.of(
                shortStress.section(),
                longStress.section(),
                autonomy.section(),
                accuracy.section(),
                sweep.section(),
                coldStart.section(),
                footprint.section(),
                latency.section(),
                safety.section(),
                traces.section(),
                claims,
                pareto.section(),
                horizons.section(),
                placement.section(),
                escalation.section());
        ReportSummary.Opening summary = ReportSummary.of(
                shortStress.result(),
                pareto.result(),
                horizons.result(),
                traces.result().byName(),
                placement.result(),
                escalation.result());
        context.writing();
        return write(settings, outDir, header, summary, sections);
    }

    /** What the report's header states besides the settings: how the run was started and from which code. */
    private record Header(String commandLine, Provenance provenance) {}

    private static Output write(
            ReproduceSettings settings,
            Path outDir,
            Header header,
            ReportSummary.Opening summary,
            List<Section> sections) {
        Path report = outDir.resolve(REPORT);
        Path results = outDir.resolve(RESULTS);
        try {
            Files.writeString(report, markdown(settings, header, summary, sections), StandardCharsets.UTF_8);
            Files.writeString(results, json(settings, header, summary, sections), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + outDir, e);
        }
        List<Path> charts = new ArrayList<>();
        for (Section section : sections) {
            for (String chart : section.charts()) {
                charts.add(outDir.resolve(chart));
            }
        }
        return new Output(report, results, charts);
    }

    /**
     * The work each section declared, typed as its section runs it, and the {@link Plan} of all of
     * it in report order.
     */
    record Declared(
            Plan.Work<Plan.Id> shortStress,
            Plan.Work<Plan.Id> longStress,
            Plan.Work<Plan.Id> autonomy,
            Plan.Work<Integer> sweep,
            Plan.Work<TraceSection.Replay> traces,
            Plan.Work<String> pareto,
            Plan.Work<HorizonSection.Run> horizons,
            Plan.Work<PlacementSection.GridRun> placement,
            Plan.Work<String> decision,
            Plan plan) {}

    /** Every section's work, declared from the settings before anything runs. */
    static Declared declare(ReproduceSettings settings, ReplayTraces replayTraces) {
        Plan.Work<Plan.Id> shortStress = StressSections.shortWork(settings);
        Plan.Work<Plan.Id> longStress = StressSections.longWork(settings);
        Plan.Work<Plan.Id> autonomy = AutonomySection.work(settings);
        Plan.Work<Integer> sweep = SweepSection.work(settings);
        Plan.Work<TraceSection.Replay> traces = TraceSection.work(settings, replayTraces);
        Plan.Work<String> pareto = ParetoSection.work(settings);
        Plan.Work<HorizonSection.Run> horizons = HorizonSection.work(settings);
        Plan.Work<PlacementSection.GridRun> placement = PlacementSection.work(settings, replayTraces);
        Plan.Work<String> decision = DecisionSection.work(settings);
        Plan plan = new Plan(List.of(
                shortStress,
                longStress,
                autonomy,
                AccuracySection.work(shortStress),
                sweep,
                ColdStartSection.work(settings),
                FootprintSection.work(),
                LatencySection.work(),
                SafetySection.work(),
                traces,
                Plan.Work.steps(Plan.Id.CLAIMS, 0),
                pareto,
                horizons,
                placement,
                decision));
        return new Declared(
                shortStress, longStress, autonomy, sweep, traces, pareto, horizons, placement, decision, plan);
    }

    /** The steps (simulated runs and measurements) of the whole reproduction, from its plan. */
    static int plannedSteps(ReproduceSettings settings) {
        try (ReplayTraces replayTraces = ReplayTraces.open(settings)) {
            return declare(settings, replayTraces).plan().steps();
        }
    }

    private static String markdown(
            ReproduceSettings settings, Header header, ReportSummary.Opening summary, List<Section> sections) {
        StringBuilder out = new StringBuilder();
        out.append("# mempred reproduce: the seed report's experiments, measured\n\n");
        out.append("Command: `").append(header.commandLine()).append("`  \n");
        out.append("Commit: ").append(header.provenance().describe()).append("  \n");
        out.append("Machine: ").append(Machine.describe()).append("  \n");
        out.append("Compaction cost model: ")
                .append(Calibration.shipped().describe())
                .append("  \n");
        out.append("Mode: ")
                .append(settings.mode())
                .append(", seeds 1..")
                .append(settings.seeds())
                .append(", ")
                .append(settings.threads())
                .append(" worker threads.\n\n");
        out.append("Every number below was measured by this run and is also in `")
                .append(RESULTS)
                .append("` (unrounded). Simulated runs use a virtual clock, so durations are virtual time."
                        + " Cells read mean ± half-width of the 95 % confidence interval over seeds; a paired change"
                        + " is the policy minus reactive on the same seed, starred (*) when its CI excludes 0."
                        + " The seed report's own figures appear only in section 11, labelled as its claims.\n\n");
        out.append(summary.markdown());
        out.append("Contents: ");
        for (Section section : sections) {
            out.append(section.number())
                    .append(". ")
                    .append(section.title())
                    .append(section.number() < sections.size() ? " · " : "\n\n");
        }
        for (Section section : sections) {
            out.append(section.markdown());
        }
        return out.toString();
    }

    private static String json(
            ReproduceSettings settings, Header header, ReportSummary.Opening summary, List<Section> sections) {
        ObjectNode json = Json.object();
        json.put("command", header.commandLine());
        header.provenance().json(json);
        json.put("machine", Machine.describe());
        json.set("calibration", Calibration.shipped().json());
        json.set("settings", settings.json());
        json.set("summary", summary.json());
        ArrayNode list = json.putArray("sections");
        for (Section section : sections) {
            list.add(section.json());
        }
        return Json.write(json);
    }
}
