package org.mempred.predict;

/**
 * Bytes a predictor holds, computed from its arrays' lengths with {@link
 * org.mempred.telemetry.ArrayBytes} (never typed in by hand).
 *
 * @param weightsBytes the model's parameters
 * @param optimiserStateBytes gradients, activations, restart copy and other training state
 * @param historyBytes buffered past samples or predictions (rate windows, label buffers)
 */
public record Footprint(long weightsBytes, long optimiserStateBytes, long historyBytes) {
    /** A predictor that holds no arrays. */
    public static final Footprint NONE = new Footprint(0, 0, 0);

    /** Checks that every figure is non-negative. */
    public Footprint {
        if (weightsBytes < 0 || optimiserStateBytes < 0 || historyBytes < 0) {
            throw new IllegalArgumentException("negative footprint: weightsBytes=" + weightsBytes
                    + ", optimiserStateBytes=" + optimiserStateBytes + ", historyBytes=" + historyBytes);
        }
    }

    /** The sum of the three figures. */
    public long totalBytes() {
        return weightsBytes + optimiserStateBytes + historyBytes;
    }

    /** This footprint with {@code bytes} more history. */
    public Footprint plusHistory(long bytes) {
        return new Footprint(weightsBytes, optimiserStateBytes, historyBytes + bytes);
    }
}
