package org.mempred.heap;

import java.util.Objects;
import org.mempred.lifetime.LifetimePredictor;

/**
 * One allocation request, the argument of {@link CompactingHeap#allocate(AllocationRequest)}: its
 * size and mode, the allocation site that made it (optional) and the caller's time, with the
 * {@link Allocation} outcome it is answered in.
 *
 * <pre>
 *  AllocationRequest request = new AllocationRequest();          // one per allocating thread
 *  Allocation outcome = heap.allocate(request.of(300, MAY_COMPACT).site(siteId).at(nowNanos));
 *  if (outcome.wakeupRaised()) governor.onReserveWakeup();       // the caller tells the governor
 * </pre>
 *
 * <p>A caller keeps one request and refills it for each allocation ({@link #of} resets the site
 * time and true lifetime), so the hot path allocates nothing; the outcome is the request's own and is valid
 * until the request is used again. The time is read on the caller's clock (virtual in the lab,
 * real in live mode) and only compared with other times of the same clock. Not thread-safe.
 */
public final class AllocationRequest {
    /** The site of a request whose caller names none. */
    public static final long NO_SITE = 0L;

    private final Allocation outcome = new Allocation();
    private int sizeBytes;
    private AllocationMode mode = AllocationMode.ATOMIC;
    private long site = NO_SITE;
    private long timeNanos;
    private long trueLifetimeNanos = LifetimePredictor.UNKNOWN;

    /** An empty request: fill it with {@link #of} before each allocation. */
    public AllocationRequest() {}

    /**
     * Sets the size and mode of the next request and clears its site and time; the size is
     * checked by the heap, against its capacity.
     */
    public AllocationRequest of(int sizeBytes, AllocationMode mode) {
        this.sizeBytes = sizeBytes;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.site = NO_SITE;
        this.timeNanos = 0L;
        this.trueLifetimeNanos = LifetimePredictor.UNKNOWN;
        return this;
    }

    /**
     * Sets the block's true lifetime, for an oracle placement only ({@code oracle-lifetime}, the
     * bound); no other predictor reads it.
     */
    public AllocationRequest trueLifetime(long nanos) {
        this.trueLifetimeNanos = nanos;
        return this;
    }

    /** The true lifetime set for an oracle, {@link LifetimePredictor#UNKNOWN} otherwise. */
    public long trueLifetimeNanos() {
        return trueLifetimeNanos;
    }

    /** Sets the allocation site: a stable id of the code that asks ({@link #NO_SITE} for none). */
    public AllocationRequest site(long siteId) {
        this.site = siteId;
        return this;
    }

    /** Sets the caller's time of the request, in nanoseconds of its clock. */
    public AllocationRequest at(long nanos) {
        this.timeNanos = nanos;
        return this;
    }

    /** Bytes asked for. */
    public int sizeBytes() {
        return sizeBytes;
    }

    /** Whether the request may wait for direct compaction. */
    public AllocationMode mode() {
        return mode;
    }

    /** The allocation site, {@link #NO_SITE} when unknown. */
    public long site() {
        return site;
    }

    /** The caller's time of the request, in nanoseconds. */
    public long timeNanos() {
        return timeNanos;
    }

    /** The outcome of the last allocation of this request. */
    public Allocation outcome() {
        return outcome;
    }

    @Override
    public String toString() {
        return "AllocationRequest[size=" + sizeBytes + ", mode=" + mode + ", site=" + Long.toHexString(site) + ", t="
                + timeNanos + " ns]";
    }
}
