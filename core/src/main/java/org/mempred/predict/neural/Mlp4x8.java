package org.mempred.predict.neural;

/**
 * The hot loops of {@link Mlp} for the design's 4→8→1 network, with both dimensions compile-time
 * constants: the JIT unrolls the eight hidden units completely, addresses the parameters at fixed
 * offsets and checks each array's bounds once instead of per element. Parameter layout as in
 * {@link Mlp}: W1 at [0, 32), b1 at [32, 40), w2 at [40, 48), b2 at 48.
 *
 * <p>Invariant: every method performs the same floating-point operations in the same order as the
 * general loops of {@link Mlp}, so a network computes bit for bit the same outputs and weights
 * whichever path it takes (the shipped weights, regenerated from their origin commands, must come
 * out identical; see docs/design.md). Only the bookkeeping differs: no loop counters, no offsets
 * read from fields, the inputs held in registers. Stateless; allocates nothing.
 */
final class Mlp4x8 {
    static final int INPUTS = 4;
    static final int HIDDEN = 8;
    private static final int HIDDEN_BIASES = HIDDEN * INPUTS;
    private static final int OUTPUT_WEIGHTS = HIDDEN_BIASES + HIDDEN;
    private static final int OUTPUT_BIAS = OUTPUT_WEIGHTS + HIDDEN;

    private Mlp4x8() {}

    /** The output logit for inputs {@code x[0 .. 4)}; writes the hidden activations. */
    static double forward(double[] p, double[] x, double[] activations) {
        double x0 = x[0];
        double x1 = x[1];
        double x2 = x[2];
        double x3 = x[3];
        double logit = p[OUTPUT_BIAS];
        for (int j = 0; j < HIDDEN; j++) {
            int row = j * INPUTS;
            double sum = p[HIDDEN_BIASES + j] + p[row] * x0 + p[row + 1] * x1 + p[row + 2] * x2 + p[row + 3] * x3;
            double a = sum < 0.0 ? 0.0 : sum;
            activations[j] = a;
            logit += p[OUTPUT_WEIGHTS + j] * a;
        }
        return logit;
    }

    /** {@link #forward} without keeping the activations, which only training needs. */
    static double logit(double[] p, double[] x) {
        double x0 = x[0];
        double x1 = x[1];
        double x2 = x[2];
        double x3 = x[3];
        double logit = p[OUTPUT_BIAS];
        for (int j = 0; j < HIDDEN; j++) {
            int row = j * INPUTS;
            double sum = p[HIDDEN_BIASES + j] + p[row] * x0 + p[row + 1] * x1 + p[row + 2] * x2 + p[row + 3] * x3;
            logit += p[OUTPUT_WEIGHTS + j] * (sum < 0.0 ? 0.0 : sum);
        }
        return logit;
    }

    /**
     * Writes the hidden units' deltas for output delta {@code outputDelta} and returns the squared
     * L2 norm of the whole gradient (the closed form of {@link Mlp}).
     */
    static double gradientSquares(double[] p, double[] x, double outputDelta, double[] activations, double[] deltas) {
        double activationSquares = 0.0;
        double deltaSquares = 0.0;
        for (int j = 0; j < HIDDEN; j++) {
            double a = activations[j];
            double delta = a > 0.0 ? outputDelta * p[OUTPUT_WEIGHTS + j] : 0.0;
            deltas[j] = delta;
            activationSquares += a * a;
            deltaSquares += delta * delta;
        }
        double x0 = x[0];
        double x1 = x[1];
        double x2 = x[2];
        double x3 = x[3];
        double inputSquares = 0.0 + x0 * x0 + x1 * x1 + x2 * x2 + x3 * x3;
        return outputDelta * outputDelta * (1.0 + activationSquares) + (1.0 + inputSquares) * deltaSquares;
    }

    /** Subtracts {@code step} times the gradient, given {@code outputStep = step * outputDelta}. */
    static void applyStep(
            double[] p, double[] x, double outputStep, double step, double[] activations, double[] deltas) {
        double x0 = x[0];
        double x1 = x[1];
        double x2 = x[2];
        double x3 = x[3];
        for (int j = 0; j < HIDDEN; j++) {
            p[OUTPUT_WEIGHTS + j] -= outputStep * activations[j];
            double scaled = step * deltas[j];
            int row = j * INPUTS;
            p[row] -= scaled * x0;
            p[row + 1] -= scaled * x1;
            p[row + 2] -= scaled * x2;
            p[row + 3] -= scaled * x3;
            p[HIDDEN_BIASES + j] -= scaled;
        }
        p[OUTPUT_BIAS] -= outputStep;
    }
}
