package org.mempred.govern;

import java.util.Locale;
import org.mempred.govern.CompactionPolicy.Proposal;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.CompactionResult;
import org.mempred.heap.RefillStep;

/**
 * The bounded escalation of a reserve refill: when a wake-up (or a tick) finds the reserve short,
 * the cheapest means is tried first and a dearer one only when the cheaper one could not make the
 * block, as kcompactd tries harder orders only after the easy ones fail:
 *
 * <pre>
 *  WINDOW   one window, the proposal's budget (2 x target)           always
 *  WINDOWS  the wide search, the same budget                          always
 *  RANGE    the cheapest range's slide, at most 1/8 of the capacity   from the allowance
 *  FULL     a full compaction                                         from the allowance, and only
 *                                                                      when the policy expects a
 *                                                                      request larger than the
 *                                                                      largest free block within
 *                                                                      its horizon
 * </pre>
 *
 * <p>Every step plans before it moves and a failed plan moves nothing, so one refill moves bytes
 * in at most one step, and the whole refill passes the governor's rate limit as one compaction.
 * The dearer steps draw on a <b>byte allowance</b>: at most one arena's capacity, refilled at one
 * capacity per horizon of the policy (5 s by default) — a forecast
 * that a large request comes within the horizon may buy one full compaction per horizon, never
 * more copying than that in the long run, whatever the policy asks. A full compaction starts only
 * when the allowance holds every used byte (the most it can move). The cheap steps keep the
 * proposal's own budget and need no allowance.
 *
 * <p>Which step served is counted ({@link EscalationMix}); the heap counts the compactions. Owned
 * by one governor and called under its lock; O(1) besides the steps it runs; allocation-free but
 * for the results the heap returns.
 */
public final class ReserveEscalation {
    /** A range slide moves at most this share of the capacity: a range, never the whole arena. */
    public static final double RANGE_SHARE = 0.125;

    private final long capacityBytes;
    private final long refillNanos;
    private final long[] served = new long[RefillStep.values().length];
    private long unserved;
    private String lastServed = "none";
    private long allowanceBytes;
    private long lastNanos;
    private boolean started;

    /**
     * An escalation for a heap of {@code capacityBytes}, its allowance full and refilled at one
     * capacity per {@code horizonNanos} (the policy's horizon).
     */
    ReserveEscalation(int capacityBytes, long horizonNanos) {
        this.capacityBytes = capacityBytes;
        this.refillNanos = horizonNanos;
        this.allowanceBytes = capacityBytes;
    }

    /**
     * Refills {@code heap}'s reserve for {@code proposal} at {@code nowNanos}, climbing the steps
     * until one makes the block; returns the result of the step that served, else of the last one
     * tried.
     */
    CompactionResult refill(CompactingHeap heap, Proposal proposal, long nowNanos) {
        refillAllowance(nowNanos);
        CompactionResult result = heap.reserve().refill(RefillStep.WINDOW, proposal.budgetBytes());
        if (served(heap, result, RefillStep.WINDOW)) {
            return result;
        }
        result = heap.reserve().refill(RefillStep.WINDOWS, proposal.budgetBytes());
        if (served(heap, result, RefillStep.WINDOWS)) {
            return result;
        }
        long rangeBudget = Math.min(allowanceBytes, (long) (RANGE_SHARE * capacityBytes));
        if (rangeBudget >= proposal.targetBytes()) {
            result = spend(heap.reserve().refill(RefillStep.RANGE, rangeBudget));
            if (served(heap, result, RefillStep.RANGE)) {
                return result;
            }
        }
        if (proposal.expectedBytes() > heap.largestFreeBytes() && allowanceBytes >= heap.usedBytes()) {
            result = spend(heap.reserve().refill(RefillStep.FULL, allowanceBytes));
            if (served(heap, result, RefillStep.FULL)) {
                return result;
            }
        }
        unserved++;
        return result;
    }

    /** What served so far. */
    EscalationMix mix() {
        return new EscalationMix(
                served[RefillStep.WINDOW.ordinal()],
                served[RefillStep.WINDOWS.ordinal()],
                served[RefillStep.RANGE.ordinal()],
                served[RefillStep.FULL.ordinal()],
                unserved);
    }

    /** The step that served the last refill in lower case ({@code window}, ...), {@code none} if none did. */
    String lastServed() {
        return lastServed;
    }

    /** Bytes the dearer steps may move now. */
    long allowanceBytes() {
        return allowanceBytes;
    }

    /** Whether the step made the block (a slide has no target of its own, so the block is checked). */
    private boolean served(CompactingHeap heap, CompactionResult result, RefillStep step) {
        if (result.largestFreeAfter() < heap.reserve().targetBytes()) {
            lastServed = "none";
            return false;
        }
        served[step.ordinal()]++;
        lastServed = step.name().toLowerCase(Locale.ROOT);
        return true;
    }

    private CompactionResult spend(CompactionResult result) {
        allowanceBytes = Math.max(0, allowanceBytes - result.bytesMoved());
        return result;
    }

    private void refillAllowance(long nowNanos) {
        if (started) {
            long elapsed = Math.max(0, nowNanos - lastNanos);
            long added =
                    elapsed >= refillNanos ? capacityBytes : (long) ((double) capacityBytes * elapsed / refillNanos);
            allowanceBytes = Math.min(capacityBytes, allowanceBytes + added);
        }
        lastNanos = nowNanos;
        started = true;
    }
}
