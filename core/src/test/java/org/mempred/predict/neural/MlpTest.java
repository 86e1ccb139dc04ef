package org.mempred.predict.neural;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MlpTest {
    private static final int STEPS = 3_000;

    /**
     * Random inputs (standardised-looking, sometimes exactly zero, sometimes large enough to clip the
     * gradient) and labels; after every step the 4→8→1 network on its constant-dimension path and
     * the same network on the general loops hold the same bits.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 20_261_130})
    void theFourEightOnePathComputesBitForBitWhatTheGeneralLoopsCompute(long seed) {
        Mlp fixed = new Mlp(4, 8);
        Mlp general = Mlp.withGeneralLoops(4, 8);
        fixed.initialise(seed);
        general.initialise(seed);
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[4];
        for (int step = 0; step < STEPS; step++) {
            for (int i = 0; i < x.length; i++) {
                x[i] = input(random);
            }
            double label = random.nextDouble();
            String context = "seed=" + seed + " step=" + step;

            assertThat(Double.doubleToRawLongBits(fixed.predict(x)))
                    .as(context)
                    .isEqualTo(Double.doubleToRawLongBits(general.predict(x)));
            assertThat(fixed.train(x, label, 0.01, 1.0)).as(context).isEqualTo(general.train(x, label, 0.01, 1.0));
            assertThat(rawBits(fixed.copyOfParameters())).as(context).isEqualTo(rawBits(general.copyOfParameters()));
            assertThat(fixed.isHealthy(1000.0)).as(context).isEqualTo(general.isHealthy(1000.0));
        }
    }

    private static double input(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> 0.0;
            case 1 -> 20.0 * random.nextGaussian();
            default -> random.nextGaussian();
        };
    }

    private static long[] rawBits(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return bits;
    }
}
