package org.mempred.lab.workload;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a stream offers beyond the events every stream has, and what a policy or placement may
 * require of it (as a cache simulator's policies declare the trace features they need): a run
 * whose placement needs a characteristic its workload lacks is refused before it starts.
 */
public enum Characteristic {
    /** Every {@code ALLOCATE} carries its allocation site ({@link HeapEvent#site()}). */
    SITES;

    private static final Set<Characteristic> WITH_SITES = Collections.unmodifiableSet(EnumSet.of(SITES));

    /** What a stream or workload carries: {@code SITES} or nothing (one shared, unmodifiable set each). */
    public static Set<Characteristic> of(boolean sites) {
        return sites ? WITH_SITES : Set.of();
    }
}
