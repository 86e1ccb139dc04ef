package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.stats.Summary;

/**
 * The report's two tables of a paired experiment, as {@link ReportTable}s: chosen metrics (rows)
 * × policies (columns) as mean ± 95 % CI, and the paired change vs {@code reactive} (starred
 * when its CI excludes 0). Units follow {@link Metric.Display}: percentages in %, bytes in KiB.
 */
final class ExperimentTables {
    private ExperimentTables() {}

    /** Mean ± 95 % CI of {@code metrics} per policy. */
    static ReportTable summary(String title, ExperimentResult result, List<Metric> metrics) {
        List<String> header = new ArrayList<>();
        header.add("metric (mean ± 95% CI)");
        header.addAll(result.spec().names());
        ReportTable table = new ReportTable(title, header);
        for (Metric metric : metrics) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(metric.label().strip()));
            for (String policy : result.spec().names()) {
                row.add(Cell.estimate(scaled(result.summary(policy, metric), metric), decimals(metric), false));
            }
            table.row(row);
        }
        return table;
    }

    /** Paired change of {@code metrics} vs the baseline, per other policy. */
    static ReportTable paired(String title, ExperimentResult result, List<Metric> metrics) {
        List<String> others = new ArrayList<>(result.spec().names());
        others.remove(ExperimentSpec.BASELINE.name());
        List<String> header = new ArrayList<>();
        header.add("change vs " + ExperimentSpec.BASELINE.name() + " (paired; * = CI excludes 0)");
        header.addAll(others);
        ReportTable table = new ReportTable(title, header);
        for (Metric metric : metrics) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(metric.label().strip()));
            for (String policy : others) {
                row.add(Cell.estimate(scaled(result.versusBaseline(policy, metric), metric), decimals(metric), true));
            }
            table.row(row);
        }
        return table;
    }

    /** {@code summary} in the unit tables show {@code metric} in. */
    static Summary scaled(Summary summary, Metric metric) {
        return summary.times(factor(metric.display()));
    }

    static double factor(Metric.Display display) {
        return switch (display) {
            case PERCENT -> 100.0;
            case KIB -> 1.0 / 1024.0;
            case COUNT, MICROS, RATIO -> 1.0;
        };
    }

    static int decimals(Metric metric) {
        return switch (metric.display()) {
            case PERCENT, COUNT, KIB -> 1;
            case MICROS, RATIO -> 3;
        };
    }
}
