package org.mempred.lab.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.mempred.govern.Policies;
import org.mempred.govern.Predictors;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.Metric;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.Table;
import org.mempred.lab.sim.RunResult;
import org.mempred.lab.stats.Stats;
import org.mempred.lab.stats.Summary;

/**
 * Section 11: each headline claim of the seed report beside what this run measured. The claims
 * are quoted as the report's (its numbers were never measured); the measured side and the
 * verdict come from {@link Findings} through the rules of {@link Claim}. {@code neural} is the
 * report's "predictive" configuration, {@code reactive} its baseline.
 */
final class ClaimsSection {
    private static final String NEURAL = Predictors.NEURAL;
    private static final int MIN_BAND_PREDICTIONS = 30;

    private ClaimsSection() {}

    static Section build(Findings findings) {
        List<Claim> claims = new ArrayList<>();
        stressClaims(findings, claims);
        durationClaims(findings, claims);
        otherClaims(findings, claims);
        Table table = new Table(
                "The seed report's claims (as the report states them) vs mempred's measurements",
                List.of("#", "seed report's claim", "mempred measured", "rule", "verdict"));
        int number = 1;
        for (Claim claim : claims) {
            table.row(List.of(
                    Cell.count(number++),
                    Cell.text(claim.claim()),
                    Cell.text(claim.measured()),
                    Cell.text(claim.rule()),
                    Cell.text(claim.verdict())));
        }
        Section section = new Section(11, "Claims vs measured");
        section.paragraph("Left: what the seed report claims (its figures were never measured; quoted here only to be"
                + " checked). Right: this run's measurement for neural (the report's predictive mode) vs reactive"
                + " (its baseline), and a verdict computed from the measured 95 % CI by the stated rule.");
        section.table(table);
        return section;
    }

    private static void stressClaims(Findings findings, List<Claim> claims) {
        ExperimentResult stress = findings.shortStress;
        claims.add(Claim.relativeChange(
                "Proactive compaction reduces OOM events by 40-60 % (10-minute stress at 95 %)",
                "OOM events, neural vs reactive, per-seed relative change",
                relative(stress, NEURAL, Metric.OOM_EVENTS),
                -60.0,
                -40.0));
        claims.add(Claim.relativeChange(
                "Compaction triggers reduced by 31.0 % (142 -> 98)",
                "compactions, neural vs reactive, per-seed relative change",
                relative(stress, NEURAL, Metric.COMPACTIONS),
                -31.0,
                -31.0));
        claims.add(Claim.relativeChange(
                "Average compaction time reduced by 25.0 % (1.2 ms -> 0.9 ms)",
                "mean compaction time (cost model), neural vs reactive, per-seed relative change",
                relative(stress, NEURAL, Metric.MEAN_COMPACTION_MICROS),
                -25.0,
                -25.0));
        claims.add(Claim.atLeast(
                "Prediction accuracy 94.2 % (10-minute stress at 95 %)",
                "neural accuracy %",
                Metric.Display.PERCENT.scale(stress.summary(NEURAL, Metric.PREDICTION_ACCURACY)),
                94.2,
                1));
        claims.add(Claim.atLeast(
                "68.4 % of compactions were proactive",
                "neural proactive share of compactions %",
                proactiveShare(stress.runs(NEURAL).runs()),
                68.4,
                1));
    }

    private static void durationClaims(Findings findings, List<Claim> claims) {
        Summary longChange = findings.longStress.versusBaseline(NEURAL, Metric.OOM_EVENTS);
        claims.add(Claim.check(
                "Improvements consistent across durations: OOM events -62.5 % at 30 minutes too",
                "OOM events, neural vs reactive, long run: " + Claim.estimate(longChange, 1, true) + " ("
                        + Verdicts.change(longChange) + ")",
                "paired CI lies below 0",
                longChange.count() >= 2 && longChange.ciHigh() < 0));
        Summary ratio =
                StressSections.ratio(findings.longStress, findings.shortStress, Policies.REACTIVE, Metric.OOM_EVENTS);
        claims.add(Claim.check(
                "30-minute baseline totals are 3x the 10-minute ones (OOM 8 -> 24)",
                "reactive OOM ratio long / short: " + Claim.estimate(ratio, 2, false),
                "CI contains 3",
                Verdicts.contains(ratio, 3.0).equals("yes")));
        ExperimentResult autonomy = findings.autonomy;
        claims.add(Claim.atLeast(
                "1-hour autonomous run: prediction accuracy 96.8 %",
                "neural accuracy % (multi-subsystem run)",
                Metric.Display.PERCENT.scale(autonomy.summary(NEURAL, Metric.PREDICTION_ACCURACY)),
                96.8,
                1));
        long alerts = total(autonomy.runs(NEURAL).runs(), Metric.WATCHDOG_ALERTS);
        claims.add(Claim.check(
                "1-hour autonomous run: zero watchdog triggers",
                "watchdog alerts, all seeds: " + alerts,
                "total is 0",
                alerts == 0));
        long crashes = crashes(findings);
        claims.add(Claim.check(
                "Zero crashes at 95 %+ pressure",
                "crashed runs in sections 1, 2, 3 and the 95/98 % sweep: " + crashes, "total is 0", crashes == 0));
    }

    private static void otherClaims(Findings findings, List<Claim> claims) {
        claims.add(bandClaim(findings));
        Summary gain = findings.coldStartAccuracyGain;
        claims.add(Claim.check(
                "Cold start: the first 100-200 predictions are less accurate; pre-trained weights would help",
                "accuracy gain of pre-trained over random start, first labels: " + Claim.estimate(gain, 1, true)
                        + " pp",
                "paired CI lies above 0",
                gain.count() >= 2 && gain.ciLow() > 0));
        double percent = 100.0 * findings.neuralFootprintBytes / Context.HEAP_BYTES;
        claims.add(Claim.check(
                "Predictor footprint 656 bytes, under 1 % of the 100 KiB heap",
                "neural footprint " + findings.neuralFootprintBytes + " bytes = " + Cell.format(percent, 2, false)
                        + " % of 100 KiB",
                "below 1 %",
                percent < 1.0));
        claims.add(Claim.check(
                "Prediction inference under 20 µs mean",
                "neural predict mean " + Cell.format(findings.neuralPredictMeanMicros, 3, false) + " µs (in-process)",
                "below 20 µs",
                findings.neuralPredictMeanMicros < 20.0));
        claims.add(Claim.check(
                "Compaction rate limited to at most 10 per second",
                "adversarial periodic policy at 5 ms ticks: " + (findings.rateLimitHeld ? "held" : "violated"),
                "no 1 s window over 10",
                findings.rateLimitHeld));
        claims.add(Claim.check(
                "All safety tests passed",
                findings.safetyPassed + " of " + findings.safetyCases + " cases passed",
                "every case passes",
                findings.safetyPassed == findings.safetyCases));
    }

    /** Accuracy at 95-100 % vs 0-50 %: comparable only when both bands hold enough predictions. */
    private static Claim bandClaim(Findings findings) {
        String claim = "Accuracy is lower at 95-100 % pressure (89.3 %) than at 0-50 % (98.2 %)";
        Summary low = findings.neuralBandLowAccuracy;
        Summary high = findings.neuralBandHighAccuracy;
        if (low == null || high == null) {
            return new Claim(claim, "neural was not run", "both bands need data", Verdicts.NOT_COMPARABLE);
        }
        String measured = "neural 0-50 %: " + Claim.estimate(Metric.Display.PERCENT.scale(low), 1, false) + " (N = "
                + findings.neuralBandLowCount + "), 95-100 %: "
                + Claim.estimate(Metric.Display.PERCENT.scale(high), 1, false) + " (N = "
                + findings.neuralBandHighCount + ")";
        String rule = "both bands N >= " + MIN_BAND_PREDICTIONS + " over 2+ seeds; 95-100 % CI below the 0-50 % CI";
        boolean comparable = low.count() >= 2
                && high.count() >= 2
                && findings.neuralBandLowCount >= MIN_BAND_PREDICTIONS
                && findings.neuralBandHighCount >= MIN_BAND_PREDICTIONS;
        if (!comparable) {
            return new Claim(claim, measured, rule, Verdicts.NOT_COMPARABLE);
        }
        return Claim.check(claim, measured, rule, high.ciHigh() < low.ciLow());
    }

    /** Per-seed (policy − reactive) / reactive × 100 over the seeds where reactive is not 0. */
    static Summary relative(ExperimentResult result, String policy, Metric metric) {
        double[] values = result.runs(policy).values(metric);
        double[] baseline = result.runs(Policies.REACTIVE).values(metric);
        double[] change = new double[values.length];
        for (int i = 0; i < change.length; i++) {
            change[i] = baseline[i] != 0 ? 100.0 * (values[i] - baseline[i]) / baseline[i] : Double.NaN;
        }
        return Stats.summarize(change);
    }

    private static Summary proactiveShare(List<RunResult> runs) {
        double[] shares = new double[runs.size()];
        for (int i = 0; i < shares.length; i++) {
            RunResult run = runs.get(i);
            shares[i] = run.compaction().total() == 0
                    ? Double.NaN
                    : 100.0 * run.compaction().proactive() / run.compaction().total();
        }
        return Stats.summarize(shares);
    }

    private static long total(List<RunResult> runs, Metric metric) {
        long sum = 0;
        for (RunResult run : runs) {
            sum += (long) metric.of(run);
        }
        return sum;
    }

    private static long crashes(Findings findings) {
        long crashes = 0;
        List<ExperimentResult> results =
                new ArrayList<>(List.of(findings.shortStress, findings.longStress, findings.autonomy));
        for (int pressure : new int[] {95, 98}) {
            if (findings.sweep.containsKey(pressure)) {
                results.add(findings.sweep.get(pressure));
            }
        }
        for (ExperimentResult result : results) {
            for (String policy : result.spec().names()) {
                crashes += result.runs(policy).crashes();
            }
        }
        return crashes;
    }
}
