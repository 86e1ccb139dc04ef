package org.mempred.cli;

import java.util.List;
import java.util.Locale;
import org.mempred.cli.options.Durations;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.report.ExperimentReport;
import org.mempred.lab.report.JsonWriter;
import org.mempred.lab.sim.SimulationOptions;

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
                        + "policies: %s (paired: every policy replays the same stream per seed)%n"
                        + "weights: %s%n"
                        + "seeds: %s (%d)%n"
                        + "model: compaction = %s (virtual); wall time measured"
                        + " beside it; response = waiting + %d ns per allocation + direct compaction%n",
                spec.workload().name(),
                options.heapBytes(),
                Durations.format(settings.durationNanos()),
                Durations.format(settings.horizonNanos()),
                Durations.format(options.tickNanos()),
                String.join(", ", spec.names()),
                settings.weightsText(),
                seeds.size() == 1 ? seeds.get(0).toString() : seeds.get(0) + ".." + seeds.get(seeds.size() - 1),
                seeds.size(),
                options.costModel().describe(),
                options.requestNanos());
    }

    static void writeModel(StressSettings settings, JsonWriter json) {
        SimulationOptions options = settings.spec().options();
        json.name("model").beginObject();
        json.name("compactionFixedNanos").value(options.costModel().fixedNanos());
        json.name("compactionPerBlockNanos").value(options.costModel().perBlockNanos());
        json.name("compactionBytesPerNano").value(options.costModel().bytesPerNano());
        json.name("requestNanos").value(options.requestNanos());
        json.name("tickNanos").value(options.tickNanos());
        json.name("meanPressure").value("time-weighted over the run");
        json.endObject();
    }

    /** Both tables of an experiment, the star legend and the notes: the body of stress and replay output. */
    static String tables(ExperimentResult result, int tableColumns) {
        StringBuilder out = new StringBuilder();
        out.append(ExperimentReport.summaryTable(result, tableColumns)).append('\n');
        out.append(ExperimentReport.pairedTable(result, tableColumns));
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
    static void writeHeader(String command, StressSettings settings, JsonWriter json) {
        json.name("command").value(command);
        json.name("pressure").value(settings.targetPressure());
        json.name("durationSeconds").value(settings.durationNanos() / 1e9);
        json.name("heapBytes").value(settings.spec().options().heapBytes());
        json.name("seeds").beginArray();
        for (long seed : settings.spec().seeds()) {
            json.value(seed);
        }
        json.endArray();
        json.name("lookaheadSeconds").value(settings.horizonNanos() / 1e9);
        json.name("weights")
                .value(
                        settings.weightsFile() == null
                                ? "shipped"
                                : settings.weightsFile().toString());
    }
}
