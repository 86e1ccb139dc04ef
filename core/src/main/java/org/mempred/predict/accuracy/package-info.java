/**
 * Scoring of predictions (docs/design.md "Definitions"): an {@link
 * org.mempred.predict.accuracy.AccuracyEvaluator} observes a prediction loop's delayed labels and
 * counts them overall and per {@link org.mempred.predict.accuracy.PressureBand}, reporting an
 * {@link org.mempred.predict.accuracy.AccuracyReport} of {@link
 * org.mempred.predict.accuracy.BandAccuracy} rows.
 *
 * <p>Layering: depends on {@code org.mempred.predict} only (a {@code LabelListener} is how it
 * sees labels; {@code Target}, {@code PredictionCheck} and the precondition helpers). Nothing
 * below it knows it: the loop takes it as any other listener, so the governor, the lab and the
 * CLI wire it in.
 */
package org.mempred.predict.accuracy;
