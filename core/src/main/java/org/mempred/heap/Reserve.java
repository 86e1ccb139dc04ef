package org.mempred.heap;

/**
 * A heap's reserve and its wake-up, as Linux's allocator wakes kcompactd when a zone's free
 * pages of the wanted order run short ({@code wakeup_kcompactd}): a target {@code R} of
 * contiguous free bytes that the near future is expected to ask for, and a margin {@code M}.
 *
 * <p>After each allocation, a wake-up is due when the largest free block is below {@code R} while
 * free bytes are at least {@code R + M}; below that, compaction could hardly make the block and
 * the shortage is one of memory, not of contiguity. One wake-up is raised — the allocation's
 * outcome says so ({@link Allocation#wakeupRaised()}), and its caller tells the governor — and then
 * held pending until {@link CompactingHeap#compactFor} or {@link #acknowledge()} clears it, so a
 * burst of allocations raises it once. {@link #refill} runs one step of the escalation that
 * refills it when no window can be emptied. The figures are the whole arena's, summed over its
 * sub-arenas. {@code R = 0}
 * turns the reserve off. Its state and checks hold every sub-arena's lock, so the figures it reads
 * are one instant's; a check costs O(1) plus TLSF's largest-free scan of each sub-arena. A refill
 * locks as the heap's compactions do (see {@link CompactionRunner}) and clears the wake-up when it
 * ends. The target is also read without a lock ({@link #isSet}), so that a heap without a reserve
 * takes no lock for it.
 */
public final class Reserve {
    private final int capacityBytes;
    private final SubArenas space;
    private final CompactionRunner runner;
    private volatile int targetGranules;
    private int marginGranules;
    private boolean pending;

    Reserve(int capacityBytes, SubArenas space, CompactionRunner runner) {
        this.capacityBytes = capacityBytes;
        this.space = space;
        this.runner = runner;
    }

    /**
     * Sets the target and margin (rounded up to granules); turning the reserve off (target 0) also
     * drops a pending wake-up, which has nothing left to refill.
     *
     * @throws IllegalArgumentException when either is negative or the target exceeds capacity
     */
    public void set(int targetBytes, int marginBytes) {
        if (targetBytes < 0 || targetBytes > capacityBytes || marginBytes < 0) {
            throw new IllegalArgumentException("reserve targetBytes=" + targetBytes + " must be in [0, " + capacityBytes
                    + "] and marginBytes=" + marginBytes + " >= 0");
        }
        space.lockAll();
        try {
            targetGranules = Granules.of(targetBytes);
            marginGranules = Granules.of(marginBytes);
            if (targetGranules == 0) {
                pending = false;
            }
        } finally {
            space.unlockAll();
        }
    }

    /** The target in bytes (rounded to granules), 0 when off. */
    public int targetBytes() {
        space.lockAll();
        try {
            return targetGranules << Granules.SHIFT;
        } finally {
            space.unlockAll();
        }
    }

    /** Whether a wake-up was raised and not yet answered. */
    public boolean wakeupPending() {
        space.lockAll();
        try {
            return pending;
        } finally {
            space.unlockAll();
        }
    }

    /** Clears a pending wake-up without compacting (e.g. when the rate limit refused it). */
    public void acknowledge() {
        space.lockAll();
        try {
            pending = false;
        } finally {
            space.unlockAll();
        }
    }

    /**
     * Whether the reserve is short now: set, the largest free block below the target, and at least
     * the target plus the margin free — the condition a wake-up is raised on.
     */
    public boolean isShort() {
        space.lockAll();
        try {
            return isShortLocked();
        } finally {
            space.unlockAll();
        }
    }

    private boolean isShortLocked() {
        return targetGranules != 0
                && space.freeGranules() >= (long) targetGranules + marginGranules
                && space.largestFreeGranules() < targetGranules;
    }

    /**
     * Refills the reserve by one {@code step} of the escalation ({@link RefillStep}), moving at
     * most {@code maxBytesMoved}, and clears a pending wake-up. {@link RefillStep#WINDOW} is the
     * evacuation {@link CompactingHeap#compactFor} runs for the target; the dearer steps are what a
     * governor tries when it finds no window it can empty. Does nothing when the target block
     * already exists.
     *
     * @return what was moved, and whether a free block of the target now exists
     * @throws IllegalStateException when the reserve is off (target 0)
     * @throws IllegalArgumentException when {@code maxBytesMoved} is negative
     */
    public CompactionResult refill(RefillStep step, long maxBytesMoved) {
        if (maxBytesMoved < 0) {
            throw new IllegalArgumentException("maxBytesMoved=" + maxBytesMoved + " must be >= 0");
        }
        int target = targetGranules;
        if (target == 0) {
            throw new IllegalStateException("cannot refill the reserve: its target is 0 (off)");
        }
        CompactionResult result = runner.refill(step, target, maxBytesMoved);
        acknowledge(); // after the refill: a wake-up raised while it ran is the one it answered
        return result;
    }

    /** Whether a target is set (read without a lock: a request checks for a wake-up only then). */
    boolean isSet() {
        return targetGranules != 0;
    }

    /** Whether a wake-up is due now; if so it becomes pending. Called with every lock held. */
    boolean shouldWake() {
        if (pending || !isShortLocked()) {
            return false;
        }
        pending = true;
        return true;
    }
}
