/**
 * The METRIC lines: the stable names and values of one heap, its governor and its predictor's
 * accuracy ({@link org.mempred.metrics.Metrics}).
 *
 * <p>Layering: above {@code heap}, {@code govern} and {@code predict.accuracy}, whose statistics
 * it reads, and below both users, live mode ({@code org.mempred.live}) and the simulator
 * ({@code org.mempred.lab.sim}), so the simulator prints the same lines without depending on live
 * mode. (It cannot sit in {@code telemetry}: the predictors read telemetry, and these lines read
 * the predictors' accuracy.)
 */
package org.mempred.metrics;
