package org.mempred.lab.reproduce;

import java.util.List;
import org.mempred.govern.GovernorConfig;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec;
import org.mempred.govern.PolicySpec.Forecaster;
import org.mempred.lab.report.Cell;
import org.mempred.lab.report.Table;
import org.mempred.predict.Footprint;
import org.mempred.predict.LabelListener;
import org.mempred.predict.PredictionLoop;
import org.mempred.predict.Predictor;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.RecordedFuture;
import org.mempred.telemetry.TelemetrySampler;

/**
 * Section 7: bytes each predictor holds, computed from its arrays by {@link Footprint} (weights,
 * optimiser state, history) with the {@link PredictionLoop}'s label history sized as the governor
 * sizes it (H / tick + 2 pending predictions). Object headers and references are not counted;
 * the telemetry sampler every policy shares is listed separately.
 */
final class FootprintSection {
    private FootprintSection() {}

    /** One measurement. */
    static Plan.Work<Void> work() {
        return Plan.Work.steps(Plan.Id.FOOTPRINT, 1);
    }

    /** Section 7; its result is neural's footprint in bytes (-1 when neural is not a policy). */
    static Part<Long> build(Context context) {
        long neuralBytes = -1;
        PredictorConfig config =
                PredictorConfig.DEFAULTS.withFuture(new RecordedFuture(new long[] {0L}, new double[] {0.0}));
        int history = PredictionLoop.historyCapacityFor(config.horizonNanos(), GovernorConfig.DEFAULTS.tickNanos());
        Table table = new Table(
                "Predictor footprint in bytes (array contents; " + history + " pending predictions of history)",
                List.of("predictor", "weights", "optimiser state", "history", "total", "% of 100 KiB heap"));
        for (PolicySpec spec : Policies.ALL) {
            if (!spec.usesPredictor()) {
                continue;
            }
            String policy = spec.name();
            Predictor predictor = spec.create(config).newPredictor();
            Footprint footprint = new PredictionLoop(predictor, history, LabelListener.NONE).footprint();
            if (policy.equals(Forecaster.NEURAL.label())) {
                neuralBytes = footprint.totalBytes();
            }
            table.row(List.of(
                    Cell.text(policy),
                    Cell.count(footprint.weightsBytes()),
                    Cell.count(footprint.optimiserStateBytes()),
                    Cell.count(footprint.historyBytes()),
                    Cell.count(footprint.totalBytes()),
                    Cell.value(100.0 * footprint.totalBytes() / Context.HEAP_BYTES, 2)));
        }
        long sampler = new TelemetrySampler().footprintBytes();
        table.row(List.of(
                Cell.text("telemetry sampler (shared by every policy)"),
                Cell.count(0),
                Cell.count(0),
                Cell.count(sampler),
                Cell.count(sampler),
                Cell.value(100.0 * sampler / Context.HEAP_BYTES, 2)));
        context.step(Plan.Id.FOOTPRINT);
        Section section = Context.section(Plan.Id.FOOTPRINT, "Memory footprint of each predictor");
        section.paragraph("Computed from the predictor objects' arrays (Footprint), not typed in. The predictor"
                + " lives on the Java heap, outside the simulated 100 KiB arena; the percentage is for comparison"
                + " with the seed report only.");
        section.table(table);
        return new Part<>(section, neuralBytes);
    }
}
