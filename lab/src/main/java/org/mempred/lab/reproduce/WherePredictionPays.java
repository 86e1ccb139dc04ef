package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.Phrase;
import org.mempred.lab.report.Table;
import org.mempred.lab.stats.Stats;
import org.mempred.lab.stats.Summary;

/**
 * The report's first table: where does prediction pay? One row per workload family (the stressor
 * at its three levels, the bursty shapes, the traces at each pressure), each family's figures
 * summed over its workloads per seed, so that every comparison stays paired (the same seeds
 * replay the same streams under every policy).
 *
 * <p>Per family: {@code reactive}'s OOM events; the <em>best policy</em>, the one with the fewest
 * OOM events among those that neither read the future nor move more than {@link
 * Headline#BYTES_SHARE} of {@code periodic}'s bytes (the headline's rule, so a blind full
 * compaction every tick cannot win by brute force); its OOM events and bytes against the
 * baselines; the <em>best forecaster</em>, the learned volume forecaster with the fewest OOM
 * events (ties by bytes); its paired change against {@code reserve}, the same decision without a
 * forecast, which is where prediction pays or does not; and the share of the oracle's gain over
 * {@code reactive} it reaches. Nothing here is typed: every cell and sentence is computed from
 * the runs.
 */
final class WherePredictionPays {
    /** A family's forecaster "pays" when it beats reserve at no more than this multiple of its bytes. */
    static final double BYTES_OVER_RESERVE = 1.2;

    private WherePredictionPays() {}

    /** A family of workloads: every experiment runs the headline policies on the same seeds. */
    record Family(String name, List<ExperimentResult> workloads) {
        Family {
            workloads = List.copyOf(workloads);
        }

        /** Per seed, {@code metric} of {@code policy} summed over the family's workloads. */
        double[] perSeed(String policy, Metric metric) {
            double[] sum = null;
            for (ExperimentResult result : workloads) {
                double[] values = result.runs(policy).values(metric);
                if (sum == null) {
                    sum = new double[values.length];
                }
                for (int s = 0; s < values.length; s++) {
                    sum[s] += values[s];
                }
            }
            return sum == null ? new double[0] : sum;
        }

        double mean(String policy, Metric metric) {
            return Stats.summarize(perSeed(policy, metric)).mean();
        }

        Summary versus(String policy, String baseline, Metric metric) {
            return Stats.pairedDifference(perSeed(policy, metric), perSeed(baseline, metric));
        }

        List<PolicySpec> policies() {
            return workloads.get(0).spec().policies();
        }
    }

    /** The title of the report's first table. */
    static final String TITLE = "Where does prediction pay? (per family: figures per run summed over its workloads,"
            + " mean over seeds; changes paired per seed, ± 95 % CI, * when the CI excludes 0)";

    /** The table titled {@code title}, one row per non-empty family. */
    static Table table(String title, List<Family> families) {
        Table table = new Table(
                title,
                List.of(
                        "workload family",
                        "reactive: OOM events",
                        "best policy (≤ " + Math.round(100 * Headline.BYTES_SHARE) + " % of periodic's bytes)",
                        "its OOM events − reactive's",
                        "its bytes, % of periodic's",
                        "best forecaster",
                        "its OOM events − reserve's",
                        "its bytes ÷ reserve's",
                        "share of the oracle's gain over reactive reached, %"));
        for (Family family : families) {
            if (family.workloads().isEmpty()) {
                continue;
            }
            String best = bestPolicy(family);
            String forecaster = bestForecaster(family);
            double reactive = family.mean(Policies.REACTIVE, Metric.OOM_EVENTS);
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(family.name() + " (" + family.workloads().size() + ")"));
            row.add(Cell.value(reactive, 1));
            row.add(Cell.text(best == null ? "none" : best));
            row.add(
                    best == null
                            ? Cell.text("")
                            : marked(family.versus(best, Policies.REACTIVE, Metric.OOM_EVENTS), 1));
            row.add(best == null ? Cell.text("") : Cell.value(100 * bytesRatio(family, best, Policies.PERIODIC), 1));
            row.add(Cell.text(forecaster));
            row.add(marked(family.versus(forecaster, Policies.RESERVE, Metric.OOM_EVENTS), 1));
            row.add(Cell.value(bytesRatio(family, forecaster, Policies.RESERVE), 2));
            row.add(Cell.value(shareOfOracleGain(family, forecaster), 0));
            table.row(row);
        }
        return table;
    }

    /** A paired change, starred when its CI excludes 0. */
    private static Cell marked(Summary change, int decimals) {
        Phrase.Builder phrase = Phrase.builder().estimate(change, decimals, true);
        if (change.excludesZero()) {
            phrase.text(" *");
        }
        return Cell.words(phrase.build());
    }

    /**
     * Three sentences under the table: where the best forecaster pays against reserve, where it
     * beats reserve only by copying more or loses to it, and where the oracle is beaten (so is not
     * a bound there).
     */
    static List<String> sentences(List<Family> families) {
        List<String> pays = new ArrayList<>();
        List<String> costly = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        List<String> oracleBeaten = new ArrayList<>();
        for (Family family : families) {
            if (family.workloads().isEmpty()) {
                continue;
            }
            String forecaster = bestForecaster(family);
            Verdicts.Change change = Verdicts.Change.of(family.versus(forecaster, Policies.RESERVE, Metric.OOM_EVENTS));
            double bytes = bytesRatio(family, forecaster, Policies.RESERVE);
            if (change == Verdicts.Change.REDUCTION && bytes <= BYTES_OVER_RESERVE) {
                pays.add(family.name() + " (`" + forecaster + "`)");
            } else if (change == Verdicts.Change.REDUCTION) {
                costly.add(family.name() + " (`" + forecaster + "`, " + Cell.format(bytes, 1, false) + " ×)");
            } else if (change == Verdicts.Change.INCREASE) {
                worse.add(family.name());
            }
            for (PolicySpec spec : family.policies()) {
                if (!spec.readsFuture() && beatsOracle(family, spec.name())) {
                    oracleBeaten.add(family.name() + " (by `" + spec.name() + "`)");
                    break;
                }
            }
        }
        List<String> sentences = new ArrayList<>();
        sentences.add("A forecast pays — the best forecaster has significantly fewer OOM events than `reserve`, the"
                + " same decision without a forecast, at no more than "
                + Cell.format(BYTES_OVER_RESERVE, 1, false) + " × its bytes — on: "
                + (pays.isEmpty() ? "no family" : String.join(", ", pays)) + ".");
        sentences.add("It has significantly fewer only at more bytes on: "
                + (costly.isEmpty() ? "no family" : String.join(", ", costly))
                + "; significantly more OOM events than `reserve` on: "
                + (worse.isEmpty() ? "no family" : String.join(", ", worse)) + ".");
        sentences.add("The oracle is not a bound (some policy has significantly fewer OOM events at no more bytes)"
                + " on: " + (oracleBeaten.isEmpty() ? "no family" : String.join(", ", oracleBeaten)) + ".");
        return sentences;
    }

    /** Whether {@code policy} has significantly fewer OOM events than the oracle, at no more mean bytes. */
    private static boolean beatsOracle(Family family, String policy) {
        return Verdicts.Change.of(family.versus(policy, BurstGoals.ORACLE, Metric.OOM_EVENTS))
                        == Verdicts.Change.REDUCTION
                && family.mean(policy, Metric.BYTES_MOVED) <= family.mean(BurstGoals.ORACLE, Metric.BYTES_MOVED);
    }

    /**
     * The non-oracle policy with the fewest mean OOM events within the bytes share of periodic,
     * ties broken by fewer bytes moved; null when none is within the share.
     */
    static String bestPolicy(Family family) {
        String best = null;
        for (PolicySpec spec : family.policies()) {
            String policy = spec.name();
            if (spec.readsFuture() || bytesRatio(family, policy, Policies.PERIODIC) > Headline.BYTES_SHARE) {
                continue;
            }
            if (best == null || better(family, policy, best)) {
                best = policy;
            }
        }
        return best;
    }

    /** Fewer mean OOM events, or as many and fewer mean bytes moved. */
    private static boolean better(Family family, String policy, String than) {
        double oom = family.mean(policy, Metric.OOM_EVENTS);
        double thanOom = family.mean(than, Metric.OOM_EVENTS);
        return oom < thanOom
                || oom == thanOom && family.mean(policy, Metric.BYTES_MOVED) < family.mean(than, Metric.BYTES_MOVED);
    }

    /** The learned forecaster with the fewest mean OOM events, ties broken by bytes moved. */
    static String bestForecaster(Family family) {
        String best = DecisionSection.LEARNED.get(0);
        for (String policy : DecisionSection.LEARNED) {
            if (better(family, policy, best)) {
                best = policy;
            }
        }
        return best;
    }

    /** (reactive − policy) / (reactive − oracle) in mean OOM events, %; NaN when the oracle gains nothing. */
    static double shareOfOracleGain(Family family, String policy) {
        double reactive = family.mean(Policies.REACTIVE, Metric.OOM_EVENTS);
        double gain = reactive - family.mean(BurstGoals.ORACLE, Metric.OOM_EVENTS);
        return gain > 0 ? 100 * (reactive - family.mean(policy, Metric.OOM_EVENTS)) / gain : Double.NaN;
    }

    /** Mean bytes moved of {@code policy} over {@code baseline}'s (NaN when the baseline moved none). */
    static double bytesRatio(Family family, String policy, String baseline) {
        double base = family.mean(baseline, Metric.BYTES_MOVED);
        return base > 0 ? family.mean(policy, Metric.BYTES_MOVED) / base : Double.NaN;
    }
}
