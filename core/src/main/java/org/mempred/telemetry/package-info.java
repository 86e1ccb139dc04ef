/**
 * Heap telemetry: the {@link org.mempred.telemetry.Sample} value that predictors read, and the
 * zero-garbage {@link org.mempred.telemetry.RateWindow} / {@link
 * org.mempred.telemetry.TelemetrySampler} that turn cumulative heap counters into sliding-window
 * rates; and the {@link org.mempred.telemetry.Clock} every time reading comes from (the real one in
 * live mode, a virtual one in the lab).
 */
package org.mempred.telemetry;
