package org.mempred.cli;

import java.util.List;
import java.util.Locale;
import org.mempred.lab.experiment.ExperimentSpec;
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
                        + "seeds: %s (%d)%n"
                        + "model: compaction = %s (virtual); wall time measured"
                        + " beside it; response = waiting + %d ns per allocation + direct compaction%n",
                spec.workload().name(),
                options.heapBytes(),
                Durations.format(settings.durationNanos()),
                Durations.format(settings.horizonNanos()),
                Durations.format(options.tickNanos()),
                String.join(", ", spec.policies()),
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
}
