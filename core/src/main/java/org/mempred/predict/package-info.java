/**
 * Predictors of the contiguous demand (or, for the {@code -peak} policies, the peak pressure) over
 * a horizon (docs/design.md "Definitions"): the API every predictor implements and the parts every
 * prediction stream shares.
 *
 * <p>Holds the {@link org.mempred.predict.Predictor} interface and its configuration ({@link
 * org.mempred.predict.PredictorConfig} with the data it carries: {@link
 * org.mempred.predict.NeuralConfig}, {@link org.mempred.predict.NeuralWeights}, {@link
 * org.mempred.predict.FutureView}), what is forecast ({@link org.mempred.predict.Target}), the
 * inputs ({@link org.mempred.predict.FeatureSet}, {@link org.mempred.predict.FeatureExtractor},
 * {@link org.mempred.predict.RequestHistory}), the baselines ({@code persistence}, {@code holt},
 * {@code zgc}, {@code oracle}), and the prediction loop: a {@link
 * org.mempred.predict.PredictionLoop} drives one predictor per sample (features, prediction,
 * {@link org.mempred.predict.PredictionCheck}, delayed labels from {@link
 * org.mempred.predict.DelayedLabeler} to a {@link org.mempred.predict.LabelListener}).
 *
 * <p>Layering (no package cycle): this package depends only on {@code telemetry}. Above it, side by
 * side and independent of each other, {@code predict.neural} (the network, its weights file and
 * training) and {@code predict.accuracy} (scoring, a label listener). The registry that names and
 * creates every predictor, the forecaster registry, {@code PolicySpec.Forecaster} in {@code govern}, sits above both, next to the
 * policies that use it. So this package names the layers above it only in plain text, never in
 * an import or a link.
 */
package org.mempred.predict;
