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
    /** Every name. */
    public static final List<String> NAMES = List.of(STRESS, MIX, BURSTY);

    private Workloads() {}

    /**
     * The workload called {@code name} (case and surrounding blanks ignored) at demand
     * {@code demand} on a heap of {@code heapBytes}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones under {@code option}
     */
    public static Workload byName(String name, String option, double demand, int heapBytes) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case STRESS -> StressWorkload.kernel(demand, heapBytes);
            case MIX -> new SubsystemMix(demand, heapBytes);
            case BURSTY -> BurstyWorkload.of(demand, heapBytes);
            default ->
                throw new IllegalArgumentException(
                        option + "='" + name + "' is unknown; valid: " + String.join(", ", NAMES));
        };
    }
}
