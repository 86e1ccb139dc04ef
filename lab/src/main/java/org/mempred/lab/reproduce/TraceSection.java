package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mempred.govern.Policies;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.ExperimentReport;
import org.mempred.lab.report.Json;
import org.mempred.lab.sim.SimulationOptions;
import org.mempred.lab.trace.ReplaySizing;
import org.mempred.lab.trace.TraceSummary;
import org.mempred.lab.trace.TraceWorkload;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Section 10: replay of real allocation traces through the trace API, as {@code mempred replay}
 * does: the short recordings ({@code *.trace}, {@code *.trace.gz} in the traces directory),
 * stretched to 12 horizons, and the long-running programs of its {@code long/} folder, which run
 * for minutes at their own speed ({@link ReplayTraces}); atomic and pin marks as the stressor's,
 * every policy paired per seed. Each trace runs twice: with the heap sized so its peak live bytes
 * sit at 95 % (replay's default) and at 100 %, where a real program's peak leaves no slack and
 * fragmentation can fail requests.
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

    /** One replay: a trace, with its peak live bytes at {@code pressure} of the heap. */
    record Replay(ReplayTraces.Trace trace, double pressure) {
        /** "gcc-cc1.trace.gz at 95 %". */
        String name() {
            return trace.file() + at(pressure);
        }
    }

    /** What section 10 replayed, in run order. */
    record Replays(Map<Replay, ExperimentResult> results) {
        Replays {
            results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
        }

        /** Every replay by name ("trace at 95 %"). */
        Map<String, ExperimentResult> byName() {
            Map<String, ExperimentResult> byName = new LinkedHashMap<>();
            results.forEach((replay, result) -> byName.put(replay.name(), result));
            return byName;
        }

        /** The replays of short recordings or of long-running programs at {@code pressure}. */
        List<ExperimentResult> at(boolean longRunning, double pressure) {
            List<ExperimentResult> list = new ArrayList<>();
            results.forEach((replay, result) -> {
                if (replay.trace().longRunning() == longRunning && replay.pressure() == pressure) {
                    list.add(result);
                }
            });
            return list;
        }
    }

    /** Every headline policy on every trace at every pressure. */
    static Plan.Work<Replay> work(ReproduceSettings settings, ReplayTraces traces) {
        Map<Replay, ExperimentSpec> experiments = new LinkedHashMap<>();
        for (ReplayTraces.Trace trace : traces.all()) {
            TraceWorkload workload = trace.workload();
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

    /** Section 10; its result is each replay, in run order (none without traces). */
    static Part<Replays> build(Context context, Plan.Work<Replay> work) {
        Section section = Context.section(work.id(), "Real traces");
        Map<Replay, ExperimentResult> results = new LinkedHashMap<>();
        if (work.experiments().isEmpty()) {
            section.paragraph("No traces (*.trace, *.trace.gz) were found in "
                    + context.settings().tracesDir() + " nor in its " + ReplayTraces.LONG
                    + "/ folder; nothing was replayed.");
            return new Part<>(section, new Replays(results));
        }
        section.paragraph("Traces in " + context.settings().tracesDir() + " (short recordings, stretched to 12"
                + " horizons) and in its " + ReplayTraces.LONG + "/ folder (long-running programs at their own"
                + " speed" + cutWords(context.settings()) + "), replayed with every policy, seeds 1.."
                + context.settings().seeds()
                + " (the seed picks the atomic and pin marks). Heap: sized so the replayed part's peak live bytes"
                + " sit at 95 %, then at 100 %.");
        ArrayNode replays = Json.array();
        for (Replay replay : work.experiments().keySet()) {
            ExperimentResult result = context.experiment(work, replay);
            section.paragraph(describe(replay.trace(), result.spec().options()));
            String name = replay.name();
            section.table(ExperimentReport.summary("Replay of " + name, result, METRICS));
            section.table(
                    ExperimentReport.paired("Replay of " + name + ", paired change vs reactive", result, METRICS));
            section.paragraph(Verdicts.oomFindings(result));
            results.put(replay, result);
            ObjectNode json = replays.addObject();
            json.put("trace", replay.trace().file());
            json.put("longRunning", replay.trace().longRunning());
            json.put("cut", replay.trace().cut());
            json.set("peakPressure", Json.number(replay.pressure()));
            json.set("policies", ExperimentReport.policies(result));
        }
        section.data("replays", replays);
        return new Part<>(section, new Replays(results));
    }

    private static String cutWords(ReproduceSettings settings) {
        return settings.longTraceCutNanos() > 0
                ? ", the first " + Cell.format(settings.longTraceCutNanos() / 1e9, 0, false) + " s of each"
                : ", in full";
    }

    /** The suffix of a replay's name: " at 95 %". */
    private static String at(double pressure) {
        return " at " + Cell.format(100 * pressure, 0, false) + " %";
    }

    private static String describe(ReplayTraces.Trace trace, SimulationOptions options) {
        TraceWorkload workload = trace.workload();
        TraceSummary summary = workload.summary();
        return String.format(
                Locale.ROOT,
                "%s%s: %d events (%d allocations), peak live %d bytes, largest request %d bytes; heap %d bytes;"
                        + " replay speed %s, %s s of replayed time.",
                workload.name(),
                trace.longRunning() ? (trace.cut() ? " (long-running, first part)" : " (long-running)") : "",
                summary.events(),
                summary.allocations(),
                summary.peakLiveBytes(),
                summary.maxRequestBytes(),
                options.heapBytes(),
                Cell.format(workload.speed(), 4, false),
                Cell.format(options.durationNanos() / 1e9, 1, false));
    }
}
