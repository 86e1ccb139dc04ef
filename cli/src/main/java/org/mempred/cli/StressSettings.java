package org.mempred.cli;

import org.mempred.lab.experiment.ExperimentSpec;

/**
 * The checked options of one {@code mempred stress} invocation.
 *
 * @param targetPressure target mean pressure, a fraction in (0, 1]
 * @param durationNanos virtual length of each run
 * @param horizonNanos prediction horizon
 * @param spec the experiment to run
 */
record StressSettings(double targetPressure, long durationNanos, long horizonNanos, ExperimentSpec spec) {}
