package org.mempred.lab.reproduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec;
import org.mempred.lab.report.Json;
import org.mempred.lab.report.Table;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code mempred reproduce}: re-runs every experiment of the seed report with mempred and writes
 * {@code report.md}, {@code results.json} and the PNG charts into one directory.
 *
 * <p>Sections run in order (later ones reuse earlier results through {@link Findings}); each
 * section produces both its Markdown and its JSON from the same {@link Table} cells, so
 * every number in the report is in the JSON (rounded in one, unrounded in the other). Nothing
 * here is a figure: the header states the command, the machine and the settings.
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
     * Runs everything and writes the outputs into {@code outDir} (created when missing).
     *
     * @param commandLine how the run was started, printed in the report
     */
    public static Output run(ReproduceSettings settings, Path outDir, ReproduceProgress progress, String commandLine) {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outDir, e);
        }
        Context context = new Context(settings, outDir, progress, estimateSteps(settings));
        Findings findings = new Findings();
        List<Section> sections = new ArrayList<>();
        sections.add(StressSections.shortStress(context, findings));
        sections.add(StressSections.longStress(context, findings));
        sections.add(AutonomySection.build(context, findings));
        sections.add(AccuracySection.build(context, findings));
        sections.add(SweepSection.build(context, findings));
        sections.add(ColdStartSection.build(context, findings));
        sections.add(FootprintSection.build(context, findings));
        sections.add(LatencySection.build(context, findings));
        sections.add(SafetySection.build(context, findings));
        sections.add(TraceSection.build(context, findings));
        sections.add(ClaimsSection.build(findings));
        sections.add(ParetoSection.build(context, findings));
        sections.add(HorizonSection.build(context, findings));
        Path report = outDir.resolve(REPORT);
        Path results = outDir.resolve(RESULTS);
        try {
            Files.writeString(
                    report,
                    markdown(settings, commandLine, ReportSummary.of(findings), sections),
                    StandardCharsets.UTF_8);
            Files.writeString(results, json(settings, commandLine, sections), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + outDir, e);
        }
        List<Path> charts = new ArrayList<>();
        for (String chart : List.of(
                StressSections.PRESSURE_CHART,
                "predicted-vs-actual.png",
                SweepSection.CHART,
                "accuracy-by-band.png",
                ParetoSection.CHART)) {
            charts.add(outDir.resolve(chart));
        }
        return new Output(report, results, charts);
    }

    /** About how many steps (runs and measurements) the whole reproduction takes. */
    static int estimateSteps(ReproduceSettings settings) {
        int policies = Policies.HEADLINE.size();
        int seeds = settings.seeds();
        int predictive = 0;
        for (PolicySpec policy : Policies.HEADLINE) {
            predictive += policy.usesPredictor() ? 1 : 0;
        }
        int traces = TraceSection.traces(settings.tracesDir()).size() * TraceSection.PRESSURES.length;
        return policies * seeds * (2 + SweepSection.PRESSURES.length + traces)
                + seeds * (3 + predictive + 2)
                + seeds * ParetoSection.policies().size()
                + seeds * policies * ParetoSection.LEVELS.length
                + seeds * 2 * HorizonSection.HORIZONS_MILLIS.length * HorizonSection.POLICIES.size()
                + 5;
    }

    private static String markdown(
            ReproduceSettings settings, String commandLine, String summary, List<Section> sections) {
        StringBuilder out = new StringBuilder();
        out.append("# mempred reproduce: the seed report's experiments, measured\n\n");
        out.append("Command: `").append(commandLine).append("`  \n");
        out.append("Machine: ").append(Machine.describe()).append("  \n");
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
        out.append(summary);
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

    private static String json(ReproduceSettings settings, String commandLine, List<Section> sections) {
        ObjectNode json = Json.object();
        json.put("command", commandLine);
        json.put("machine", Machine.describe());
        json.set("settings", settings.json());
        ArrayNode list = json.putArray("sections");
        for (Section section : sections) {
            list.add(section.json());
        }
        return Json.write(json);
    }
}
