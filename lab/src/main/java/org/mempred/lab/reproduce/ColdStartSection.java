package org.mempred.lab.reproduce;

import java.util.List;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec;
import org.mempred.govern.PolicySpec.Forecaster;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.Table;
import org.mempred.lab.sim.SimulationOptions;
import org.mempred.lab.stats.Stats;
import org.mempred.lab.stats.Summary;
import org.mempred.lab.workload.StressWorkload;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.accuracy.BandAccuracy;

/**
 * Section 6: cold start. {@code neural-cold} (seeded random weights) and {@code neural} (the shipped
 * pre-trained weights) run on the 95 % stressor from the first tick; only the first N labelled
 * predictions of each run are scored ({@link LabelLog} with a limit). Per seed, paired: the two
 * policies see the same stream. Runs last just long enough for N labels (H + (N + 2) ticks).
 */
final class ColdStartSection {
    private static final List<PolicySpec> POLICIES =
            List.of(Policies.volume(Forecaster.NEURAL_COLD), Policies.volume(Forecaster.NEURAL));

    private ColdStartSection() {}

    /** One run per seed of each of the two policies. */
    static Plan.Work<Void> work(ReproduceSettings settings) {
        return Plan.Work.steps(Plan.Id.COLD_START, POLICIES.size() * settings.seeds());
    }

    /** Section 6; its result is the paired accuracy gain (percentage points) of pre-trained weights. */
    static Part<Summary> build(Context context) {
        ReproduceSettings settings = context.settings();
        int labels = settings.coldStartLabels();
        long tickNanos = SimulationOptions.of(Context.HEAP_BYTES, 1).tickNanos();
        long durationNanos = PredictorConfig.DEFAULT_HORIZON_NANOS + (labels + 2L) * tickNanos;
        SimulationOptions options = SimulationOptions.of(Context.HEAP_BYTES, durationNanos);
        StressWorkload workload = StressWorkload.kernel(StressSections.PRESSURE, Context.HEAP_BYTES);
        List<Long> seeds = context.seeds();
        double[][] accuracy = new double[2][seeds.size()];
        double[][] mae = new double[2][seeds.size()];
        long[] scored = new long[2];
        List<PolicySpec> policies = POLICIES;
        for (int p = 0; p < 2; p++) {
            for (int s = 0; s < seeds.size(); s++) {
                LabelLog log = DetailRuns.run(workload, options, policies.get(p), seeds.get(s), labels)
                        .labels();
                context.step(Plan.Id.COLD_START);
                BandAccuracy overall = log.report().overall();
                scored[p] += overall.count();
                accuracy[p][s] = overall.count() == 0 ? Double.NaN : overall.accuracy() * 100.0;
                mae[p][s] = overall.count() == 0 ? Double.NaN : overall.meanAbsoluteError() * 100.0;
            }
        }
        Section section =
                Context.section(Plan.Id.COLD_START, "Cold start: the first " + labels + " labelled predictions");
        section.paragraph("neural-cold starts from seeded random weights, neural from the shipped pre-trained"
                + " weights; both learn online. Workload: stress 95 %, seeds 1.." + seeds.size()
                + "; only the first " + labels + " labelled predictions of each run are scored.");
        Table table = new Table(
                "First " + labels + " labelled predictions (MAE in percentage points)",
                List.of("policy", "predictions scored", "accuracy %", "MAE"));
        for (int p = 0; p < 2; p++) {
            Summary summary = Stats.summarize(accuracy[p]);
            table.row(List.of(
                    Cell.text(policies.get(p).name()),
                    Cell.count(scored[p]),
                    Cell.estimate(summary, 1, false),
                    Cell.estimate(Stats.summarize(mae[p]), 2, false)));
        }
        Summary gain = Stats.pairedDifference(accuracy[1], accuracy[0]);
        Summary maeChange = Stats.pairedDifference(mae[1], mae[0]);
        table.row(List.of(
                Cell.text("neural minus neural-cold (paired)"),
                Cell.text(""),
                Cell.estimate(gain, 1, true),
                Cell.estimate(maeChange, 2, true)));
        section.table(table);
        section.paragraph("Pre-trained vs random start, accuracy: "
                + switch (Verdicts.Change.of(gain)) {
                    case REDUCTION -> "significant loss with pre-trained weights";
                    case INCREASE -> "significant gain with pre-trained weights";
                    case NONE, UNDETERMINED -> Verdicts.Change.of(gain).toString();
                }
                + "; MAE: " + Verdicts.Change.of(maeChange) + " with pre-trained weights.");
        return new Part<>(section, gain);
    }
}
