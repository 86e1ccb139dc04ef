/**
 * The {@code neural} predictor (docs/design.md "Definitions"): the n→h→1 network ({@link
 * org.mempred.predict.neural.Mlp}, {@link org.mempred.predict.neural.InputNormaliser}) behind
 * {@link org.mempred.predict.neural.NeuralPredictor}, its weights file ({@link
 * org.mempred.predict.neural.WeightsFile}, read by the JDK-only {@link
 * org.mempred.predict.neural.JsonReader}), the shipped weights ({@link
 * org.mempred.predict.neural.Pretrained}, resources beside this package) and offline training
 * ({@link org.mempred.predict.neural.TrainingSet}, {@link
 * org.mempred.predict.neural.TrainingSetRecorder}, {@link
 * org.mempred.predict.neural.OfflineTrainer}).
 *
 * <p>Layering: depends on {@code org.mempred.predict} (the API, the configuration and the
 * immutable {@code NeuralWeights} snapshot the configuration carries, the feature extractor and
 * labeler that training shares with the online loop) and on {@code telemetry}; never on {@code
 * predict.accuracy}. Only the registry above it (the forecaster registry, {@code PolicySpec.Forecaster} in {@code govern}) and the
 * policies create a {@code NeuralPredictor}.
 */
package org.mempred.predict.neural;
