package org.mempred.lab.workload;

/**
 * What a stream offers beyond the events every stream has, and what a policy or placement may
 * require of it (as a cache simulator's policies declare the trace features they need): a run
 * whose placement needs a characteristic its workload lacks is refused before it starts.
 */
public enum Characteristic {
    /** Every {@code ALLOCATE} carries its allocation site ({@link HeapEvent#site()}). */
    SITES
}
