/**
 * Predictors of the contiguous demand (or, for the {@code -peak} policies, the peak pressure) over
 * a horizon (docs/design.md "Definitions").
 *
 * <p>Entry points: {@link org.mempred.predict.Predictors} creates the named predictors ({@code
 * persistence}, {@code holt}, {@code zgc}, {@code neural}, {@code oracle}); a {@link
 * org.mempred.predict.PredictionLoop} drives one of them per sample (features, prediction, safety
 * check, delayed labels); an {@link org.mempred.predict.AccuracyEvaluator} observing the loop
 * scores it; {@link org.mempred.predict.WeightsFile} and {@link
 * org.mempred.predict.OfflineTrainer} save, load and pre-train the network's weights.
 */
package org.mempred.predict;
