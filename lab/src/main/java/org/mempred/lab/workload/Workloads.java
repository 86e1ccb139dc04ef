package org.mempred.lab.workload;

import java.util.List;
import java.util.Locale;

/** The synthetic workloads by name, in one place for every command that offers a choice. */
public final class Workloads {
    /** The kernel-like stressor. */
    public static final String STRESS = "stress";
    /** The multi-subsystem mix. */
    public static final String MIX = "mix";
    /** Small-block churn with periodic bursts of packet buffers. */
    public static final String BURSTY = "bursty";
    /** Every name: the stressor, the mix, and the bursty family's shapes ({@link BurstyConfig.Shape}). */
    public static final List<String> NAMES = List.of(
            STRESS,
            MIX,
            BURSTY,
            BurstyConfig.Shape.REGULAR.workloadName(),
            BurstyConfig.Shape.LARGE.workloadName(),
            BurstyConfig.Shape.IRREGULAR.workloadName(),
            BurstyConfig.Shape.STREAM.workloadName());

    private Workloads() {}

    /**
     * The workload called {@code name} (case and surrounding blanks ignored) at demand
     * {@code demand} on a heap of {@code heapBytes}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones under {@code option}
     */
    public static Workload byName(String name, String option, double demand, int heapBytes) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        for (BurstyConfig.Shape shape : BurstyConfig.Shape.values()) {
            if (shape.workloadName().equals(key)) {
                return BurstyWorkload.of(shape, demand, heapBytes);
            }
        }
        return switch (key) {
            case STRESS -> StressWorkload.kernel(demand, heapBytes);
            case MIX -> new SubsystemMix(demand, heapBytes);
            default ->
                throw new IllegalArgumentException(
                        option + "='" + name + "' is unknown; valid: " + String.join(", ", NAMES));
        };
    }
}
