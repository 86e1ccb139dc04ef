package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec.Forecaster;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.report.Cell;
import org.mempred.lab.sim.SimulationOptions;

/**
 * The opening of report.md: the answer to "does prediction prevent OOM events, and at what copying
 * cost?" in a few sentences whose figures and verdicts are computed from the paired CIs of
 * sections 1, 12 and 13, the key chart, and a glossary of the words the tables use. The glossary
 * defines terms and quotes settings as written text (the 16 KiB budget, the 500 ms tick, the
 * 10/s rate limit, θ = 0.90, proactiveness 20), one of them from its constant (the request
 * service time); it holds no measured figure.
 */
final class ReportSummary {
    private ReportSummary() {}

    /**
     * The summary from section 1's experiment, section 12's by demand level, section 13's by
     * workload and horizon, section 10's replays, section 14's placement grids and section 15's sentences on bursts.
     */
    static String of(
            ExperimentResult shortStress,
            Map<String, ExperimentResult> pareto,
            Map<String, ExperimentResult> horizons,
            Map<String, ExperimentResult> traces,
            List<PlacementSection.Grid> placement,
            List<String> bursts) {
        StringBuilder out = new StringBuilder("## Summary\n\n");
        out.append("The question: does compaction directed ahead of time prevent OOM events, and at what"
                + " copying cost? Every sentence below is derived from this run's paired confidence intervals.\n\n");
        out.append("At demand 95 % (section 1):\n\n");
        for (String sentence : Headline.sentences(shortStress)) {
            out.append("- ").append(sentence).append('\n');
        }
        out.append('\n');
        for (Map.Entry<String, ExperimentResult> level : pareto.entrySet()) {
            if (level.getValue() == shortStress) {
                continue;
            }
            String best = Headline.bestWithin(level.getValue());
            out.append("- At demand ").append(level.getKey()).append(" (section 12): ");
            out.append(
                    best == null
                            ? "no policy stays within " + Math.round(100 * Headline.BYTES_SHARE)
                                    + " % of periodic's bytes."
                            : "`" + best + "` has the fewest OOM events within "
                                    + Math.round(100 * Headline.BYTES_SHARE)
                                    + " % of periodic's bytes, "
                                    + Headline.percent(
                                            level.getValue().relativeChange(best, "reactive-slide", Metric.OOM_EVENTS))
                                    + " against `reactive-slide`.");
            out.append('\n');
        }
        out.append(horizons(horizons));
        out.append(traces(traces));
        out.append("- Placement by predicted lifetime (section 14): ")
                .append(PlacementSection.verdict(placement))
                .append('\n');
        for (String sentence : bursts) {
            out.append("- Decision (section 15): ").append(sentence).append('\n');
        }
        out.append("\nSection 12 draws every policy on the plane of OOM events against bytes moved (below),"
                + " section 10 repeats the comparison on recorded traces of real programs, and section 13 compares"
                + " lookaheads of 0.5, 1 and 5 s; section 15 measures the decision, contiguous capacity against forecast"
                + " volume, on the stressor, the bursty family and the same traces.\n\n");
        out.append("![OOM events against MiB moved at demand 95 %](")
                .append(ParetoSection.CHART)
                .append(")\n\n");
        out.append(glossary());
        return out.toString();
    }

    /** Per replay of section 10: which policies had significantly fewer OOM events than reactive. */
    private static String traces(Map<String, ExperimentResult> replays) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, ExperimentResult> replay : replays.entrySet()) {
            ExperimentResult result = replay.getValue();
            double reactive =
                    result.summary(Policies.REACTIVE, Metric.OOM_EVENTS).mean();
            List<String> fewer = Verdicts.withOomChange(result, Verdicts.Change.REDUCTION);
            List<String> more = Verdicts.withOomChange(result, Verdicts.Change.INCREASE);
            out.append("- Trace ").append(replay.getKey()).append(" (section 10): ");
            if (reactive == 0 && more.isEmpty()) {
                out.append("no OOM event under reactive, nor significantly more under any policy.\n");
                continue;
            }
            out.append("reactive has ")
                    .append(Cell.format(reactive, 1, false))
                    .append(" OOM events per run; significantly fewer: ")
                    .append(fewer.isEmpty() ? "none" : String.join(", ", fewer))
                    .append("; significantly more: ")
                    .append(more.isEmpty() ? "none" : String.join(", ", more))
                    .append(".\n");
        }
        return out.toString();
    }

    /** Per workload of section 13: the lookahead with the fewest mean OOM events for each forecast. */
    private static String horizons(Map<String, ExperimentResult> byRun) {
        Map<String, String> bestByWorkload = new LinkedHashMap<>();
        Map<String, Double> bestOom = new LinkedHashMap<>();
        for (Map.Entry<String, ExperimentResult> run : byRun.entrySet()) {
            String workload = run.getKey().substring(0, run.getKey().indexOf(" H="));
            String horizon = run.getKey().substring(run.getKey().indexOf(" H=") + 3);
            double oom = run.getValue()
                    .summary(Forecaster.NEURAL.label(), Metric.OOM_EVENTS)
                    .mean();
            if (!bestOom.containsKey(workload) || oom < bestOom.get(workload)) {
                bestOom.put(workload, oom);
                bestByWorkload.put(workload, horizon);
            }
        }
        if (bestByWorkload.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        bestByWorkload.forEach((workload, horizon) -> parts.add(workload + " at H = " + horizon));
        return "- Lookahead (section 13): `neural` had its fewest mean OOM events on " + String.join(", ", parts)
                + "; section 13 gives the paired changes against 5 s and whether they are significant.\n";
    }

    private static String glossary() {
        return "### Glossary\n\n"
                + "- **OOM event**: an allocation request that failed. *Fragmentation*: total free bytes would have"
                + " held it, but no free block did (compaction can prevent it); *exhaustion*: too few bytes were free"
                + " at all (nothing but freeing can).\n"
                + "- **Demand vs achieved pressure**: the stressor's level (\"demand 95 %\") counts failed requests as"
                + " still wanted, so every policy sees the same requests; the *achieved* pressure is what the heap"
                + " actually held, which is higher when fewer requests fail.\n"
                + "- **reactive-slide**: wave 1's baseline — when a request finds no block, slide blocks towards"
                + " address 0 with a 16 KiB budget, then retry. **reactive**: the same, but evacuate the cheapest"
                + " window of the request's size instead (the new baseline every paired change is taken against).\n"
                + "- **periodic**: a full compaction at every 500 ms governor tick, whatever the heap looks like (the"
                + " blind baseline). **linux**: kcompactd's proactive rule — compact fully while the fragmentation"
                + " score is above a watermark set by the proactiveness (default 20).\n"
                + "- **reserve**: keep one free block as large as the largest request seen so far; when an allocation"
                + " leaves less, the heap wakes the governor, which evacuates one window of that size at once"
                + " (through the 10/s rate limit). No forecast.\n"
                + "- **persistence, holt, zgc, neural, oracle**: the same reserve, sized by a forecast of the largest"
                + " request of the next horizon plus the forecaster's recent error. *persistence*: the largest"
                + " request of the last horizon; *holt*: Holt's trend on that series; *zgc*: ZGC's mean + 3.29 sd,"
                + " here of request sizes; *neural*: the 4→8→1 network, pre-trained and learning online; *oracle*:"
                + " reads the true future requests of the same seed (the bound). `NAME@m` wakes only while free bytes"
                + " exceed the reserve by m times it.\n"
                + "- **Escalation** (every reserve and demand policy): a refill that finds no window it can empty tries"
                + " several windows, then a slide of the cheapest range, then a full compaction only for a surge its"
                + " forecast expects; the report counts which step served each refill.\n"
                + "- **neural-peak** (and other `-peak`): wave 1's rule, a full compaction when the forecast peak"
                + " pressure reaches θ (default 0.90).\n"
                + "- **Accuracy and skill**: a forecast and its label are positive at or above θ (0.90 for peak"
                + " pressure; for demand, the largest free block at the prediction, i.e. \"more contiguous space"
                + " will be asked for than exists now\"). Skill = 1 − MSE(forecast) / MSE(persistence): above 0 beats"
                + " \"the future is like the recent past\", 1 is perfect.\n"
                + "- **Response time**: a single-server queue on the heap lock; each request takes "
                + SimulationOptions.DEFAULT_REQUEST_NANOS
                + " ns of service (hence the 0.100 µs floor) plus the modelled time of any direct compaction it ran,"
                + " plus any wait behind earlier requests or background compaction.\n"
                + "- **Fallbacks of oracle**: the oracle reads a recorded future that ends with the run, so its"
                + " forecast at the final tick has no future to read; the governor discards it and counts a"
                + " fallback, as it does for any invalid forecast.\n\n";
    }
}
