package org.mempred.lab.sim;

/**
 * How long a compaction takes in virtual time:
 * {@code fixedNanos + blocksMoved * perBlockNanos + bytesMoved / bytesPerNano}.
 *
 * <p>The design asks for "fixed + per byte moved, calibrated from the real measured memmove rate".
 * Measured wall times showed that this alone undercharges sliding compaction 10–25 times: each
 * moved block also costs a metadata rewrite, a handle update and a short {@code arraycopy} call,
 * which for the heap's typical 16–512 B blocks outweighs the bytes. So the model keeps the
 * design's two terms and adds a measured per-block term; with it, the model's mean compaction
 * time lands near the measured wall time (both are reported side by side).
 *
 * <p>The constants every simulation uses are measured by {@code mempred calibrate}
 * ({@link #measure()}) and committed with their date and machine ({@link Calibration#shipped()}),
 * so that the same seed gives the same result in every process.
 *
 * @param fixedNanos cost of any compaction, even one that moves nothing
 * @param perBlockNanos cost of each block moved, beyond its bytes
 * @param bytesPerNano memmove rate
 */
public record CompactionCostModel(long fixedNanos, double perBlockNanos, double bytesPerNano) {

    /** Checks the parameters. */
    public CompactionCostModel {
        if (fixedNanos < 0
                || !(perBlockNanos >= 0.0)
                || Double.isInfinite(perBlockNanos)
                || !(bytesPerNano > 0.0)
                || Double.isInfinite(bytesPerNano)) {
            throw new IllegalArgumentException("fixedNanos=" + fixedNanos + " and perBlockNanos=" + perBlockNanos
                    + " must be >= 0 and finite, bytesPerNano=" + bytesPerNano + " positive and finite");
        }
    }

    /** Virtual duration of a compaction that moved {@code blocksMoved} blocks of {@code bytesMoved} bytes. */
    public long durationNanos(long bytesMoved, int blocksMoved) {
        return fixedNanos + (long) Math.ceil(blocksMoved * perBlockNanos + bytesMoved / bytesPerNano);
    }

    /** The model in words: {@code F ns + B ns per block moved + bytes moved / R bytes/ns}. */
    public String describe() {
        return String.format(
                java.util.Locale.ROOT,
                "%d ns + %.1f ns per block moved + bytes moved / %.1f bytes/ns",
                fixedNanos,
                perBlockNanos,
                bytesPerNano);
    }

    /**
     * Measures the parameters on this machine now (about a second): the median wall time of a full
     * compaction of an empty 100 KiB heap, the median rate of an overlapping 100 KiB memmove, and
     * the median per-block excess of compacting many small scattered blocks.
     */
    public static CompactionCostModel measure() {
        return MemmoveCalibration.measure();
    }
}
