/**
 * Heap telemetry: the {@link org.mempred.telemetry.Sample} value that predictors read, and the
 * zero-garbage {@link org.mempred.telemetry.RateWindow} / {@link
 * org.mempred.telemetry.TelemetrySampler} that turn cumulative heap counters into sliding-window
 * rates.
 */
package org.mempred.telemetry;
