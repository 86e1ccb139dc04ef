package org.mempred.predict.accuracy;

import java.util.List;
import org.mempred.predict.PredictionCheck;

/**
 * What an {@link AccuracyEvaluator} measured: overall and per band of current pressure.
 *
 * @param thresholdPressure θ, the pressure at or above which a peak counts as positive
 * @param overall every valid prediction
 * @param bands one entry per {@link PressureBand}, in increasing pressure
 * @param invalidPredictions predictions excluded because {@link PredictionCheck} found them invalid
 */
public record AccuracyReport(
        double thresholdPressure, BandAccuracy overall, List<BandAccuracy> bands, long invalidPredictions) {

    /** Copies {@code bands} so the report is immutable. */
    public AccuracyReport {
        bands = List.copyOf(bands);
    }

    /** The figures of {@code band}. */
    public BandAccuracy band(PressureBand band) {
        return bands.get(band.ordinal());
    }
}
