package org.mempred.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mempred.cli.options.Durations;
import org.mempred.govern.Policies;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.report.ExperimentReport;
import org.mempred.lab.report.Json;
import org.mempred.lab.report.Verdict;
import org.mempred.lab.sim.SimulationOptions;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The header of the stress report and the model description shared by text and JSON. */
final class StressText {
    private StressText() {}

    static String header(StressSettings settings) {
        ExperimentSpec spec = settings.spec();
        SimulationOptions options = spec.options();
        List<Long> seeds = spec.seeds();
        return String.format(
                Locale.ROOT,
                "mempred stress: %s, heap %d bytes, %s of virtual time per run, lookahead %s, governor tick %s%n"
                        + "placement: %s; policies: %s (paired: every policy replays the same stream per seed)%n"
                        + "weights: %s%n"
                        + "seeds: %s (%d)%n"
                        + "model: compaction = %s (virtual); wall time measured"
                        + " beside it (in --json); response = waiting + %d ns per allocation + direct compaction%n",
                spec.workload().name(),
                options.heapBytes(),
                Durations.format(settings.durationNanos()),
                Durations.format(settings.horizonNanos()),
                Durations.format(options.tickNanos()),
                options.placement().id(),
                String.join(", ", spec.names()),
                settings.weightsText(),
                seeds.size() == 1 ? seeds.get(0).toString() : seeds.get(0) + ".." + seeds.get(seeds.size() - 1),
                seeds.size(),
                options.costModel().describe(),
                options.requestNanos());
    }

    /** The simulation model of the runs, under {@code "model"}. */
    static void putModel(StressSettings settings, ObjectNode json) {
        SimulationOptions options = settings.spec().options();
        ObjectNode model = json.putObject("model");
        model.set("compactionFixedNanos", Json.number(options.costModel().fixedNanos()));
        model.set("compactionPerBlockNanos", Json.number(options.costModel().perBlockNanos()));
        model.set("compactionBytesPerNano", Json.number(options.costModel().bytesPerNano()));
        model.put("requestNanos", options.requestNanos());
        model.put("tickNanos", options.tickNanos());
        model.put("meanPressure", "time-weighted over the run");
    }

    /** The rows of the human tables: every metric but those left to JSON ({@link Metric#shownInTables}). */
    static final List<Metric> TABLE_METRICS =
            Arrays.stream(Metric.values()).filter(Metric::shownInTables).toList();

    /** The rows of the paired table against {@code reserve}: what the verdict weighs, and the latency it costs. */
    static final List<Metric> VERSUS_RESERVE_METRICS = List.of(
            Metric.OOM_EVENTS,
            Metric.OOM_FRAGMENTATION,
            Metric.OOM_EXHAUSTION,
            Metric.COMPACTIONS,
            Metric.PROACTIVE_COMPACTIONS,
            Metric.REACTIVE_COMPACTIONS,
            Metric.BYTES_MOVED,
            Metric.MEAN_RESPONSE_MICROS,
            Metric.P99_RESPONSE_MICROS);

    /**
     * The tables of an experiment, each with its legend line, the notes and the verdict: the body
     * of stress and replay output. The paired change against {@code reserve} (the same reserve
     * with no forecast) is shown whenever it ran, so a forecaster's gain over it can be read.
     */
    static String tables(ExperimentResult result, int tableColumns) {
        return tables(result, tableColumns, "");
    }

    /** As above, with {@code moreNotes} (whole lines, or empty) after the notes and before the verdict. */
    static String tables(ExperimentResult result, int tableColumns, String moreNotes) {
        StringBuilder out = new StringBuilder();
        int width = Math.min(tableColumns, ReportOptions.TABLE_COLUMNS);
        out.append(ExperimentReport.summary("Summary", result, TABLE_METRICS).text(tableColumns))
                .append(wrap(ExperimentReport.legend(TABLE_METRICS), width))
                .append('\n');
        String pairedLegend = wrap(
                ExperimentReport.oneSeed(result)
                        ? "(one seed: no confidence interval and no * marks; use --seeds 2 or more to judge changes)"
                        : "legend: policy minus the baseline on the same stream, mean over seeds ± 95% CI"
                                + " half-width; * = the CI excludes 0",
                width);
        out.append(ExperimentReport.paired("Paired change", result, TABLE_METRICS)
                        .text(tableColumns))
                .append(pairedLegend);
        if (ExperimentReport.ranReserve(result)) {
            out.append('\n')
                    .append(ExperimentReport.paired(
                                    "Paired change vs reserve", result, VERSUS_RESERVE_METRICS, Policies.RESERVE)
                            .text(tableColumns))
                    .append(pairedLegend);
        }
        for (String note : ExperimentReport.notes(result)) {
            out.append("note: ").append(note).append('\n');
        }
        out.append(moreNotes).append(wrap(Verdict.of(result).text(), width));
        return out.toString();
    }

    /** {@code text} broken at spaces into lines of at most {@code columns}, continuation lines indented by two. */
    static String wrap(String text, int columns) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > columns) {
                out.append(line).append('\n');
                line.setLength(0);
                line.append("  ");
            }
            line.append(line.isEmpty() || line.toString().isBlank() ? "" : " ").append(word);
        }
        return out.append(line).append('\n').toString();
    }

    /** The JSON fields stress and replay share, from {@code command} to {@code lookaheadSeconds}. */
    static void putHeader(String command, StressSettings settings, ObjectNode json) {
        json.put("command", command);
        json.set("pressure", Json.number(settings.targetPressure()));
        json.set("durationSeconds", Json.number(settings.durationNanos() / 1e9));
        json.put("heapBytes", settings.spec().options().heapBytes());
        json.put("placement", settings.spec().options().placement().id());
        ArrayNode seeds = json.putArray("seeds");
        settings.spec().seeds().forEach(seeds::add);
        json.set("lookaheadSeconds", Json.number(settings.horizonNanos() / 1e9));
        json.put(
                "weights",
                settings.weightsFile() == null
                        ? "shipped"
                        : settings.weightsFile().toString());
    }
}
