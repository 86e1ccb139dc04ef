package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec.Forecaster;
import org.mempred.govern.VolumePolicy;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.Json;
import org.mempred.lab.report.Table;
import org.mempred.lab.sim.SimulationOptions;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The opening of report.md: the answer to "where does prediction pay, and at what copying cost?"
 * as one table and a few sentences computed from section 15's paired runs ({@link
 * WherePredictionPays}), then one line per section computed from the paired CIs of sections 1, 10,
 * 12, 13, 14 and 15, the key chart, and a glossary of the words the tables use. The glossary
 * defines terms and quotes settings as written text (the 16 KiB budget, the 500 ms tick, the
 * 10/s rate limit, θ = 0.90, proactiveness 20), some from their constants (the request service
 * time, the volume decision's spike factor and boost); it holds no measured figure.
 */
final class ReportSummary {
    private ReportSummary() {}

    /**
     * The opening as report.md shows it, and its first table and sentences, which results.json
     * holds too (every figure a table shows is a JSON number of its cell).
     */
    record Opening(String markdown, List<Table> tables, List<String> sentences) {
        Opening {
            tables = List.copyOf(tables);
            sentences = List.copyOf(sentences);
        }

        /** The tables and the sentences for results.json. */
        ObjectNode json() {
            ObjectNode json = Json.object();
            ArrayNode list = json.putArray("tables");
            tables.forEach(table -> list.add(table.json()));
            ArrayNode paragraphs = json.putArray("paragraphs");
            sentences.forEach(paragraphs::add);
            return json;
        }
    }

    /**
     * The summary: first the answer on one screen (the table "where does prediction pay?" from
     * section 15's families and at most three sentences under it), then one line per section from
     * section 1's experiment, section 12's by demand level, section 13's by workload and horizon,
     * section 10's replays, section 14's placement grids and section 15's goals.
     */
    static Opening of(
            ExperimentResult shortStress,
            Map<String, ExperimentResult> pareto,
            Map<String, ExperimentResult> horizons,
            Map<String, ExperimentResult> traces,
            List<PlacementSection.Grid> placement,
            DecisionSection.Decision decision) {
        StringBuilder out = new StringBuilder("## Summary\n\n");
        out.append("The question: where does compaction directed by a forecast prevent OOM events that the same"
                + " decision without a forecast does not, and at what copying cost? Every figure and sentence below"
                + " is computed from this run's paired confidence intervals.\n\n");
        Table answer = WherePredictionPays.table(WherePredictionPays.TITLE, decision.families());
        List<String> sentences = WherePredictionPays.sentences(decision.families());
        out.append(answer.markdown()).append('\n');
        for (String sentence : sentences) {
            out.append(sentence).append(' ');
        }
        out.append("\n\n### Section by section\n\n");
        Table programs = WherePredictionPays.table(
                "Long-running programs, each at each pressure: which policy wins and at what copying cost",
                decision.programs());
        if (!decision.programs().isEmpty()) {
            out.append(programs.markdown()).append('\n');
        }
        out.append("At demand 95 % (section 1):\n\n");
        for (String sentence : Headline.sentences(shortStress)) {
            out.append("- ").append(sentence).append('\n');
        }
        out.append('\n');
        out.append(levels(shortStress, pareto));
        out.append(horizons(horizons));
        out.append(traces(traces));
        out.append("- Placement by predicted lifetime (section 14): ")
                .append(PlacementSection.verdict(placement))
                .append('\n');
        for (String sentence : decision.sentences()) {
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
        List<Table> tables = new ArrayList<>(List.of(answer));
        if (!decision.programs().isEmpty()) {
            tables.add(programs);
        }
        return new Opening(out.toString(), tables, sentences);
    }

    /** Per demand level of section 12 other than section 1's: the best policy within the bytes share. */
    private static String levels(ExperimentResult shortStress, Map<String, ExperimentResult> pareto) {
        StringBuilder out = new StringBuilder();
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
        return out.toString();
    }

    /**
     * Per replay of section 10: which policies had significantly fewer OOM events than reactive;
     * the replays where nothing failed under reactive nor significantly more under any policy
     * share one line.
     */
    private static String traces(Map<String, ExperimentResult> replays) {
        StringBuilder out = new StringBuilder();
        List<String> quiet = new ArrayList<>();
        for (Map.Entry<String, ExperimentResult> replay : replays.entrySet()) {
            ExperimentResult result = replay.getValue();
            double reactive =
                    result.summary(Policies.REACTIVE, Metric.OOM_EVENTS).mean();
            List<String> fewer = Verdicts.withOomChange(result, Verdicts.Change.REDUCTION);
            List<String> more = Verdicts.withOomChange(result, Verdicts.Change.INCREASE);
            if (reactive == 0 && more.isEmpty()) {
                quiet.add(replay.getKey());
                continue;
            }
            out.append("- Trace ").append(replay.getKey()).append(" (section 10): ");
            out.append("reactive has ")
                    .append(Cell.format(reactive, 1, false))
                    .append(" OOM events per run; significantly fewer: ")
                    .append(fewer.isEmpty() ? "none" : String.join(", ", fewer))
                    .append("; significantly more: ")
                    .append(more.isEmpty() ? "none" : String.join(", ", more))
                    .append(".\n");
        }
        if (!quiet.isEmpty()) {
            out.append(
                            "- Traces with no OOM event under reactive, nor significantly more under any policy (section 10): ")
                    .append(String.join(", ", quiet))
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
                + "- **reactive-slide**: the seed report's reactive baseline — when a request finds no block, slide blocks towards"
                + " address 0 with a 16 KiB budget, then retry. **reactive**: the same, but evacuate the cheapest"
                + " window of the request's size instead (the baseline every paired change is taken against unless a table says"
                + " otherwise).\n"
                + "- **periodic**: a full compaction at every 500 ms governor tick, whatever the heap looks like (the"
                + " blind baseline). **linux**: kcompactd's proactive rule — compact fully while the fragmentation"
                + " score is above a watermark set by the proactiveness (default 20).\n"
                + "- **reserve**: keep one free block as large as the largest request seen so far; when an allocation"
                + " leaves less, the heap wakes the governor, which evacuates one window of that size at once"
                + " (through the 10/s rate limit). No forecast.\n"
                + "- **persistence, holt, zgc, croston, neural, oracle**: the volume decision steered by that"
                + " forecaster. Per size class (octaves from 512 B) it forecasts the bytes the next horizon will"
                + " request, scales them by the class's share of recent volume, by "
                + Cell.format(VolumePolicy.SPIKE, 0, false)
                + " (spike tolerance) and by the class's measured drain (the share of requested bytes its free"
                + " capacity actually lost), and refills the class when its contiguous capacity would run out before"
                + " the next tick plus one refill; a fragmentation failure boosts its class's need "
                + Cell.format(VolumePolicy.BOOST, 0, false)
                + "× and the boost halves every tick. Over that each keeps reserve's block. *persistence*: the last"
                + " horizon's volume; *holt*: Holt's trend; *zgc*: ZGC's allocation-rate rule (2 × mean + 3.29 sd of"
                + " 1 s rates); *croston*: bursts and the gaps between them smoothed separately; *neural*: the 4→8→1"
                + " network, pre-trained and learning online; *oracle*: reads the true future requests of the same"
                + " seed. `NAME-largest` sizes reserve's one block by a forecast of the largest request instead;"
                + " `NAME@m` wakes only while free bytes exceed the reserve by m times it.\n"
                + "- **Escalation** (every reserving policy): a refill that finds no window it can empty tries"
                + " several windows, then a slide of the cheapest range, then a full compaction only for a surge its"
                + " forecast expects; the report counts which step served each refill.\n"
                + "- **neural-peak** (and other `-peak`): the seed report's rule, a full compaction when the forecast"
                + " peak pressure reaches θ (default 0.90).\n"
                + "- **Accuracy and skill**: a forecast and its label are positive at or above θ (0.90 for peak"
                + " pressure; for the largest request, the largest free block at the prediction, i.e. \"more contiguous"
                + " space will be asked for than exists now\"; for volume, the contiguous capacity of the smallest"
                + " class at the prediction: \"the horizon will request more than can be served without compaction\")."
                + " Skill = 1 − MSE(forecast) / MSE(persistence): above 0 beats"
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
