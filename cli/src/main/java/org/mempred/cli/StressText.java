package org.mempred.cli;

import java.util.List;
import java.util.Locale;
import org.mempred.cli.options.Durations;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.report.ExperimentReport;
import org.mempred.lab.report.Json;
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
                        + " beside it; response = waiting + %d ns per allocation + direct compaction%n",
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

    /** Both tables of an experiment, the star legend and the notes: the body of stress and replay output. */
    static String tables(ExperimentResult result, int tableColumns) {
        StringBuilder out = new StringBuilder();
        List<Metric> metrics = List.of(Metric.values());
        out.append(ExperimentReport.summary("Summary", result, metrics).text(tableColumns))
                .append('\n');
        out.append(ExperimentReport.paired("Paired change", result, metrics).text(tableColumns));
        out.append(
                ExperimentReport.oneSeed(result)
                        ? "(one seed: no confidence interval and no * marks; use --seeds 2 or more to judge changes)\n"
                        : "(* = the 95% CI of the paired difference excludes 0)\n");
        for (String note : ExperimentReport.notes(result)) {
            out.append("note: ").append(note).append('\n');
        }
        return out.toString();
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
