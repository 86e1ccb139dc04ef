package org.mempred.lab.reproduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.mempred.govern.Policies;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.ExperimentReport;
import org.mempred.lab.report.Json;
import org.mempred.lab.sim.SimulationOptions;
import org.mempred.lab.trace.ReplayMarks;
import org.mempred.lab.trace.ReplaySizing;
import org.mempred.lab.trace.TraceSummary;
import org.mempred.lab.trace.TraceWorkload;
import org.mempred.predict.PredictorConfig;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Section 10: replay of real allocation traces ({@code *.trace}, {@code *.trace.gz} in the traces
 * directory) through the trace API, as {@code mempred replay} does: traces shorter than 12 horizons
 * stretched to that length, atomic and pin marks as the stressor's, every policy paired per seed.
 * Each trace runs twice: with the heap sized so its peak live bytes sit at 95 % (replay's default)
 * and at 100 %, where a real program's peak leaves no slack and fragmentation can fail requests.
 */
final class TraceSection {
    static final double[] PRESSURES = {0.95, 1.00};

    private static final List<Metric> METRICS = List.of(
            Metric.OOM_EVENTS,
            Metric.OOM_FRAGMENTATION,
            Metric.COMPACTIONS,
            Metric.PROACTIVE_COMPACTIONS,
            Metric.BYTES_MOVED,
            Metric.P99_RESPONSE_MICROS,
            Metric.PREDICTION_ACCURACY,
            Metric.SKILL,
            Metric.CRASHES);

    private TraceSection() {}

    /** The trace files in {@code dir}, sorted; empty when the directory does not exist. */
    static List<Path> traces(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(path -> {
                        String name = String.valueOf(path.getFileName());
                        return name.endsWith(".trace") || name.endsWith(".trace.gz");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list traces in " + dir, e);
        }
    }

    /** One replay: a trace, with its peak live bytes at {@code pressure} of the heap. */
    record Replay(Path trace, double pressure) {
        /** "gcc-cc1.trace.gz at 95 %". */
        String name() {
            return trace.getFileName() + at(pressure);
        }
    }

    /** Every headline policy on every trace at every pressure (each trace summarised once, here). */
    static Plan.Work<Replay> work(ReproduceSettings settings) {
        Map<Replay, ExperimentSpec> experiments = new LinkedHashMap<>();
        for (Path trace : traces(settings.tracesDir())) {
            TraceWorkload workload = workload(trace);
            for (double pressure : PRESSURES) {
                int heapBytes =
                        ReplaySizing.autoCapacityBytes(workload.summary().peakLiveBytes(), pressure);
                SimulationOptions options = SimulationOptions.of(heapBytes, Math.max(1, workload.replayNanos()));
                experiments.put(
                        new Replay(trace, pressure), Context.spec(settings, workload, Policies.HEADLINE, options));
            }
        }
        return new Plan.Work<>(Plan.Id.TRACES, experiments, 0);
    }

    /** Section 10; its result is each replay by "trace at pressure", in run order (empty without traces). */
    static Part<Map<String, ExperimentResult>> build(Context context, Plan.Work<Replay> work) {
        Path dir = context.settings().tracesDir();
        Section section = Context.section(work.id(), "Real traces");
        Map<String, ExperimentResult> byName = new LinkedHashMap<>();
        if (work.experiments().isEmpty()) {
            section.paragraph("No traces (*.trace, *.trace.gz) were found in " + dir + "; nothing was replayed.");
            return new Part<>(section, byName);
        }
        section.paragraph("Traces in " + dir + ", replayed with every policy, seeds 1.."
                + context.settings().seeds()
                + " (the seed picks the atomic and pin marks). Heap: sized so the trace's peak live bytes sit at 95 %,"
                + " then at 100 %.");
        ArrayNode replays = Json.array();
        for (Replay replay : work.experiments().keySet()) {
            ExperimentResult result = context.experiment(work, replay);
            TraceWorkload workload = (TraceWorkload) result.spec().workload();
            section.paragraph(describe(workload, result.spec().options()));
            String name = replay.name();
            section.table(ExperimentReport.summary("Replay of " + name, result, METRICS));
            section.table(
                    ExperimentReport.paired("Replay of " + name + ", paired change vs reactive", result, METRICS));
            section.paragraph(Verdicts.oomFindings(result));
            byName.put(name, result);
            ObjectNode json = replays.addObject();
            json.put("trace", workload.name());
            json.set("peakPressure", Json.number(replay.pressure()));
            json.set("policies", ExperimentReport.policies(result));
        }
        section.data("replays", replays);
        return new Part<>(section, byName);
    }

    /** The suffix of a replay's name: " at 95 %". */
    private static String at(double pressure) {
        return " at " + Cell.format(100 * pressure, 0, false) + " %";
    }

    /** The replays of {@code byName} (this section's result) whose heap put the peak live bytes at {@code pressure}. */
    static List<ExperimentResult> atPressure(Map<String, ExperimentResult> byName, double pressure) {
        List<ExperimentResult> replays = new ArrayList<>();
        byName.forEach((name, result) -> {
            if (name.endsWith(at(pressure))) {
                replays.add(result);
            }
        });
        return replays;
    }

    /**
     * {@code trace} as the report replays it: summarised by a first pass, at the default speed
     * (stretched to 12 horizons when shorter), with the stressor's atomic and pin marks.
     */
    static TraceWorkload workload(Path trace) {
        TraceSummary summary;
        try {
            summary = TraceSummary.scan(trace);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + trace, e);
        }
        double speed = ReplaySizing.defaultSpeed(summary.durationNanos(), PredictorConfig.DEFAULT_HORIZON_NANOS);
        return new TraceWorkload(trace, summary, speed, ReplayMarks.stressorDefaults());
    }

    private static String describe(TraceWorkload workload, SimulationOptions options) {
        TraceSummary summary = workload.summary();
        return String.format(
                Locale.ROOT,
                "%s: %d events (%d allocations), peak live %d bytes, largest request %d bytes; heap %d bytes;"
                        + " replay speed %s, %s s of replayed time.",
                workload.name(),
                summary.events(),
                summary.allocations(),
                summary.peakLiveBytes(),
                summary.maxRequestBytes(),
                options.heapBytes(),
                Cell.format(workload.speed(), 4, false),
                Cell.format(options.durationNanos() / 1e9, 1, false));
    }
}
