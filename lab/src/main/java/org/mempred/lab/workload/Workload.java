package org.mempred.lab.workload;

import java.util.Set;

/**
 * A named, seeded source of {@link EventStream}s: {@link #open} with the same seed and duration
 * always yields the identical stream, which is what makes paired comparisons of policies fair.
 */
public interface Workload {
    /** A short description for reports, e.g. {@code "stress 95%"}. */
    String name();

    /** A fresh stream of {@code durationNanos} of events generated from {@code seed}. */
    EventStream open(long seed, long durationNanos);

    /** The largest allocation request the workload can issue, in bytes. */
    int maxRequestBytes();

    /** What every stream this workload opens carries (see {@link Characteristic}). */
    Set<Characteristic> characteristics();
}
