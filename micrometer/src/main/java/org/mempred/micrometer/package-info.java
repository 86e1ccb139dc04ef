/**
 * The METRIC figures of a mempred heap, governor and predictor as Micrometer meters
 * ({@link org.mempred.micrometer.MempredMetrics}, a {@code MeterBinder}). An optional module:
 * {@code core} never depends on Micrometer.
 */
package org.mempred.micrometer;
