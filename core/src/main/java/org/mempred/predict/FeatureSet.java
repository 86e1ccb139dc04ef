package org.mempred.predict;

import java.util.Locale;

/**
 * The named feature sets a learning predictor can read; {@link FeatureExtractor} computes them.
 *
 * <p>Every feature is normalised to a bounded range so that one learning rate suits all inputs:
 *
 * <pre>
 *   seed (the report's four, width 4)
 *     0  allocation rate      r/(1+r), r = allocBytesPerSecond / capacityBytes (heaps per second)
 *     1  free bytes           freeBytes / capacityBytes
 *     2  compaction count     c/(c+64), c = cumulative compactions (64 compactions give 0.5)
 *     3  time since last      d/(d+H), d = seconds since the previous prediction (0 at the first),
 *                             H = horizon in seconds
 *   rich (width 6)
 *     0  pressure             usedBytes / capacityBytes
 *     1  fragmentation        1 - largestFree/free
 *     2  largest free         largestFreeBytes / capacityBytes
 *     3  projected growth     tanh(g), g = (allocBytesPerSecond - freeBytesPerSecond) * H / capacity,
 *                             the pressure change over the horizon at the current net rate
 *     4  growth trend         tanh(g - gPrevious), 0 at the first sample
 *     5  allocation rate      as seed 0
 *   demand (width 4, for forecasts of the largest request; every input is scale-free)
 *     0  allocation rate      as seed 0
 *     1  free bytes           freeBytes / capacityBytes
 *     2  recent demand        log2 scale of the largest request of the last H over capacity:
 *                             max(0, 1 + log2(x) / 24), so one octave is 1/24 and 2^-24 is 0
 *     3  mean / largest       mean request size of the last H over its largest (0 without requests)
 *   volume (width 4, for forecasts of the volume; labels and inputs on the scale v/(1+v))
 *     0  recent volume        T(v), v = bytes requested in size classes over the last H / capacity:
 *                             what persistence forecasts
 *     1  volume now           T(v1 * H / 1 s), v1 = the same over the last second: the rate now,
 *                             over the horizon, which sees the start of a surge a horizon early
 *     2  since last surge     d/(d+H), d = seconds since the last surge's onset (1 before any):
 *                             where the program is in its cycle of bursts and quiet gaps
 *     3  contiguous capacity  contiguous capacity of the smallest size class / capacity: how much
 *                             of the forecast the heap can take without compaction
 * </pre>
 *
 * <p>Why these for volume: a surge is a change of time scale (input 1 against input 0), comes at
 * a phase of the program's cycle (input 2, which a smoother's mean hides) and matters only against
 * the capacity left (input 3); T(v) = v/(1+v) keeps inputs and the label on one bounded scale.
 *
 * <p>Why a log scale for demand: a 4 KiB request is 4 % of a 100 KiB heap and 0.04 % of a 10 MB
 * one; on a log scale the two differ by a shift, and {@code neural} forecasts demand as a shift
 * of input 2 (see {@code NeuralPredictor} in {@code predict.neural}), so weights trained on one heap size carry to another.
 *
 * <p>All values lie in [0, 1] except the two tanh features, in (-1, 1).
 */
public enum FeatureSet {
    /** The report's four inputs. */
    SEED(4),
    /** Pressure, fragmentation, largest free, projected growth, its trend, allocation rate. */
    RICH(6),
    /** Allocation rate, free bytes, recent demand on a log scale, mean over largest request. */
    DEMAND(4),
    /** Recent volume, volume now, time since the last surge, contiguous capacity. */
    VOLUME(4);

    private final int width;

    FeatureSet(int width) {
        this.width = width;
    }

    /** Number of inputs this set produces. */
    public int width() {
        return width;
    }

    /** The lower-case name used on the command line and in weights files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The set called {@code name}; throws listing the valid names otherwise. */
    public static FeatureSet byName(String name) {
        for (FeatureSet set : values()) {
            if (set.id().equals(name)) {
                return set;
            }
        }
        throw new IllegalArgumentException("unknown feature set '" + name + "'; valid names: " + validNames());
    }

    /** The valid names, comma separated, for error messages and help text. */
    public static String validNames() {
        StringBuilder names = new StringBuilder();
        for (FeatureSet set : values()) {
            names.append(names.isEmpty() ? "" : ", ").append(set.id());
        }
        return names.toString();
    }
}
