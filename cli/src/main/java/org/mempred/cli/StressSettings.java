package org.mempred.cli;

import java.nio.file.Path;
import org.mempred.cli.options.WeightsOption;
import org.mempred.lab.experiment.ExperimentSpec;

/**
 * The checked options of one {@code mempred stress} invocation.
 *
 * @param targetPressure target mean pressure, a fraction in (0, 1]
 * @param durationNanos virtual length of each run
 * @param horizonNanos prediction horizon
 * @param spec the experiment to run
 * @param weightsFile the {@code --weights} file the neural policies start from, or {@code null} for the shipped weights
 */
record StressSettings(
        double targetPressure, long durationNanos, long horizonNanos, ExperimentSpec spec, Path weightsFile) {

    /** How the header names the neural policies' starting weights. */
    String weightsText() {
        return WeightsOption.describe(weightsFile);
    }
}
