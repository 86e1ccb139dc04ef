package org.mempred.lab.report;

import java.util.ArrayList;
import java.util.List;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec;
import org.mempred.lab.experiment.Experiment;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.experiment.PolicyRuns;
import org.mempred.lab.sim.RunResult;
import org.mempred.lab.stats.Summary;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an {@link ExperimentResult} into its {@link Table}s (metrics as mean ± 95 % CI per
 * policy, then the paired change vs {@code reactive}, and vs {@code reserve} when it ran, starred
 * when its CI excludes 0), into the
 * notes printed under them and into the {@code policies} part of a JSON document. Every number
 * comes from the result, shown as its {@link Metric.Display} says; nothing is computed here but
 * the summaries of {@link org.mempred.lab.stats.Stats}. Used by {@code stress}, {@code replay}
 * (as text) and {@code reproduce} (as Markdown and JSON).
 */
public final class ExperimentReport {
    private ExperimentReport() {}

    /** Mean ± 95 % CI of {@code metrics} (rows) per policy (columns). */
    public static Table summary(String title, ExperimentResult result, List<Metric> metrics) {
        List<String> header = new ArrayList<>();
        header.add(oneSeed(result) ? "metric (mean; no CI with one seed)" : "metric (mean ± 95% CI)");
        header.addAll(result.spec().names());
        Table table = new Table(title, header);
        for (Metric metric : metrics) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(metric.label()));
            for (String policy : result.spec().names()) {
                row.add(Cell.estimate(result.summary(policy, metric), metric.display(), false));
            }
            table.row(row);
        }
        return table;
    }

    /** Paired change of {@code metrics} vs the baseline, per other policy. */
    public static Table paired(String title, ExperimentResult result, List<Metric> metrics) {
        return paired(title, result, metrics, ExperimentSpec.BASELINE.name());
    }

    /** Paired change of {@code metrics} vs {@code baseline} (a policy of the result), per other policy. */
    public static Table paired(String title, ExperimentResult result, List<Metric> metrics, String baseline) {
        List<String> others = new ArrayList<>(result.spec().names());
        others.remove(baseline);
        List<String> header = new ArrayList<>();
        header.add("change vs " + baseline
                + (oneSeed(result) ? " (paired; no CI with one seed)" : " (paired; * = CI excludes 0)"));
        header.addAll(others);
        Table table = new Table(title, header);
        for (Metric metric : metrics) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(metric.label()));
            for (String policy : others) {
                row.add(Cell.estimate(result.versus(policy, baseline, metric), metric.display(), true));
            }
            table.row(row);
        }
        return table;
    }

    /** Whether {@code result} ran {@code reserve}, the reserve with no forecast that forecasters are judged against. */
    public static boolean ranReserve(ExperimentResult result) {
        return result.spec().names().contains(Policies.RESERVE);
    }

    /** One line decoding the rows of {@code metrics} that their labels leave unclear; empty when none. */
    public static String legend(List<Metric> metrics) {
        List<String> parts = new ArrayList<>();
        for (Metric metric : metrics) {
            if (!metric.legend().isEmpty()) {
                parts.add(metric.legend());
            }
        }
        return parts.isEmpty() ? "" : "legend: " + String.join("; ", parts);
    }

    /** Whether the result has one seed, so no confidence interval (the tables say so in their headers). */
    public static boolean oneSeed(ExperimentResult result) {
        return result.spec().seeds().size() == 1;
    }

    /** Notes under the tables: the oracle's definition and the first crash of each policy. */
    public static List<String> notes(ExperimentResult result) {
        List<String> notes = new ArrayList<>();
        if (result.spec().policies().stream().anyMatch(PolicySpec::readsFuture)) {
            notes.add(Experiment.ORACLE_DEFINITION);
        }
        for (PolicyRuns runs : result.policies()) {
            for (RunResult run : runs.runs()) {
                if (run.safety().crashes() > 0) {
                    notes.add("crash: " + runs.policy() + " seed " + run.seed() + ": "
                            + run.safety().crashMessage());
                    break;
                }
            }
        }
        return notes;
    }

    /**
     * Every policy with its runs (seed, every metric by its key, the crash message if any) and its
     * summaries ({@code n}, {@code mean}, {@code sd}, {@code ci95}, and {@code vsReactive} and, when
     * {@code reserve} ran, {@code vsReserve} for the paired changes), in stored units.
     */
    public static ArrayNode policies(ExperimentResult result) {
        ArrayNode policies = Json.array();
        for (PolicyRuns runs : result.policies()) {
            ObjectNode policy = policies.addObject();
            policy.put("name", runs.policy());
            if (runs.spec().readsFuture()) {
                policy.put("definition", Experiment.ORACLE_DEFINITION);
            }
            ArrayNode list = policy.putArray("runs");
            for (RunResult run : runs.runs()) {
                list.add(run(run));
            }
            ObjectNode summary = policy.putObject("summary");
            for (Metric metric : Metric.values()) {
                ObjectNode figure = summary(result.summary(runs.policy(), metric));
                if (!runs.spec().equals(ExperimentSpec.BASELINE)) {
                    figure.set(
                            "vs" + capitalised(ExperimentSpec.BASELINE.name()),
                            summary(result.versusBaseline(runs.policy(), metric)));
                }
                if (ranReserve(result) && !runs.policy().equals(Policies.RESERVE)) {
                    figure.set(
                            "vs" + capitalised(Policies.RESERVE),
                            summary(result.versus(runs.policy(), Policies.RESERVE, metric)));
                }
                summary.set(metric.key(), figure);
            }
        }
        return policies;
    }

    private static ObjectNode run(RunResult run) {
        ObjectNode node = Json.object();
        node.put("seed", run.seed());
        for (Metric metric : Metric.values()) {
            node.set(metric.key(), Json.number(metric.of(run)));
        }
        if (run.safety().crashMessage() != null) {
            node.put("crashMessage", run.safety().crashMessage());
        }
        return node;
    }

    private static ObjectNode summary(Summary summary) {
        ObjectNode node = Json.object();
        node.put("n", summary.count());
        node.set("mean", Json.number(summary.mean()));
        node.set("sd", Json.number(summary.sd()));
        node.set("ci95", Json.numbers(summary.ciLow(), summary.ciHigh()));
        return node;
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
