package org.mempred.lab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mempred.govern.PolicySpec;
import org.mempred.lab.experiment.Experiment;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.experiment.PolicyRuns;
import org.mempred.lab.sim.RunResult;
import org.mempred.lab.stats.Summary;

/**
 * Turns an {@link ExperimentResult} into the human report (two tables: every metric as mean ±
 * 95 % CI per policy, then the paired change vs {@code reactive}) and into the {@code policies}
 * part of the JSON document. Every number comes from the result; nothing is computed here but
 * formatting and the summaries of {@link org.mempred.lab.stats.Stats}.
 */
public final class ExperimentReport {
    private ExperimentReport() {}

    /** Mean ± half-width of the 95 % CI for every metric (rows) and policy (columns). */
    public static String summaryTable(ExperimentResult result) {
        return summaryTable(result, Integer.MAX_VALUE);
    }

    /** As {@link #summaryTable(ExperimentResult)}, its columns wrapped into groups of at most {@code maxWidth}. */
    public static String summaryTable(ExperimentResult result, int maxWidth) {
        List<String> header = new ArrayList<>();
        header.add(oneSeed(result) ? "metric (mean; no CI with one seed)" : "metric (mean ± 95% CI)");
        header.addAll(result.spec().names());
        Table table = new Table(header);
        for (Metric metric : Metric.values()) {
            List<String> row = new ArrayList<>();
            row.add(metric.label());
            for (String policy : result.spec().names()) {
                row.add(cell(result.summary(policy, metric), metric.display()));
            }
            table.row(row);
        }
        return table.render(maxWidth);
    }

    /** Paired change vs the baseline (mean ± 95 % CI; {@code *} marks a CI that excludes 0). */
    public static String pairedTable(ExperimentResult result) {
        return pairedTable(result, Integer.MAX_VALUE);
    }

    /** As {@link #pairedTable(ExperimentResult)}, its columns wrapped into groups of at most {@code maxWidth}. */
    public static String pairedTable(ExperimentResult result, int maxWidth) {
        List<String> others = new ArrayList<>(result.spec().names());
        others.remove(ExperimentSpec.BASELINE.name());
        List<String> header = new ArrayList<>();
        header.add("change vs " + ExperimentSpec.BASELINE.name()
                + (oneSeed(result) ? " (paired; no CI with one seed)" : " (paired)"));
        header.addAll(others);
        Table table = new Table(header);
        for (Metric metric : Metric.values()) {
            List<String> row = new ArrayList<>();
            row.add(metric.label());
            for (String policy : others) {
                Summary difference = result.versusBaseline(policy, metric);
                row.add(
                        difference.excludesZero()
                                ? starred(difference, metric.display()) + " *"
                                : cell(difference, metric.display(), true) + "  ");
            }
            table.row(row);
        }
        return table.render(maxWidth);
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
                if (run.crashes() > 0) {
                    notes.add("crash: " + runs.policy() + " seed " + run.seed() + ": " + run.crashMessage());
                    break;
                }
            }
        }
        return notes;
    }

    /** Writes {@code "policies": [...]} with every run and the summaries into an open object. */
    public static void writePolicies(ExperimentResult result, JsonWriter json) {
        json.name("policies").beginArray();
        for (PolicyRuns runs : result.policies()) {
            json.beginObject().name("name").value(runs.policy());
            if (runs.spec().readsFuture()) {
                json.name("definition").value(Experiment.ORACLE_DEFINITION);
            }
            json.name("runs").beginArray();
            for (RunResult run : runs.runs()) {
                writeRun(run, json);
            }
            json.endArray().name("summary").beginObject();
            for (Metric metric : Metric.values()) {
                json.name(metric.key()).beginObject();
                writeSummary(result.summary(runs.policy(), metric), json);
                if (!runs.spec().equals(ExperimentSpec.BASELINE)) {
                    json.name("vs" + capitalised(ExperimentSpec.BASELINE.name()))
                            .beginObject();
                    writeSummary(result.versusBaseline(runs.policy(), metric), json);
                    json.endObject();
                }
                json.endObject();
            }
            json.endObject().endObject();
        }
        json.endArray();
    }

    private static void writeRun(RunResult run, JsonWriter json) {
        json.beginObject().name("seed").value(run.seed());
        for (Metric metric : Metric.values()) {
            json.name(metric.key()).value(metric.of(run));
        }
        if (run.crashMessage() != null) {
            json.name("crashMessage").value(run.crashMessage());
        }
        json.endObject();
    }

    private static void writeSummary(Summary summary, JsonWriter json) {
        json.name("n").value(summary.count());
        json.name("mean").value(summary.mean());
        json.name("sd").value(summary.sd());
        json.name("ci95")
                .beginArray()
                .value(summary.ciLow())
                .value(summary.ciHigh())
                .endArray();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String cell(Summary summary, Metric.Display display) {
        return cell(summary, display, false);
    }

    private static String cell(Summary summary, Metric.Display display, boolean signed) {
        if (summary.count() == 0) {
            return "-";
        }
        String mean = number(summary.mean(), display, signed);
        return Double.isNaN(summary.halfWidth()) ? mean : mean + " ± " + number(summary.halfWidth(), display, false);
    }

    /** One number as {@code display} says, in the root locale. */
    public static String number(double value, Metric.Display display, boolean signed) {
        return number(value, display, signed, 0);
    }

    /** As {@link #number(double, Metric.Display, boolean)} with {@code extraDecimals} more decimals. */
    private static String number(double value, Metric.Display display, boolean signed, int extraDecimals) {
        double scaled = switch (display) {
            case PERCENT -> value * 100.0;
            case KIB -> value / 1024.0;
            case COUNT, MICROS, RATIO -> value;
        };
        int decimals = (display == Metric.Display.MICROS || display == Metric.Display.RATIO ? 3 : 1) + extraDecimals;
        return String.format(Locale.ROOT, "%" + (signed ? "+" : "") + "." + decimals + "f", scaled);
    }

    /**
     * A paired change whose CI excludes zero, with as many more decimals (up to six) as its mean
     * needs not to print as zero: a starred change must read as a change.
     */
    private static String starred(Summary difference, Metric.Display display) {
        int extra = 0;
        while (extra < 6
                && difference.mean() != 0.0
                && Double.parseDouble(number(difference.mean(), display, false, extra)) == 0.0) {
            extra++;
        }
        return number(difference.mean(), display, true, extra) + " ± "
                + number(difference.halfWidth(), display, false, extra);
    }
}
