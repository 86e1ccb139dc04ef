package org.mempred.lab;

import org.mempred.telemetry.Clock;

/**
 * The lab's clock: virtual nanoseconds that move only when the simulator says so, so that a
 * 30-minute run takes seconds and the same seed gives the same result bit for bit.
 *
 * <p>Invariant: time never decreases ({@link #advanceTo} rejects going back, naming both times).
 * Starts at 0. Cost: O(1), allocation-free. Not thread-safe: one simulator owns it.
 */
public final class VirtualClock implements Clock {
    private long nowNanos;

    /** A clock at time 0. */
    public VirtualClock() {}

    @Override
    public long nanoTime() {
        return nowNanos;
    }

    /**
     * Moves the clock to {@code timeNanos}; staying at the same time is allowed.
     *
     * @throws IllegalArgumentException when {@code timeNanos} is before the current time
     */
    public void advanceTo(long timeNanos) {
        if (timeNanos < nowNanos) {
            throw new IllegalArgumentException("timeNanos=" + timeNanos + " is before the clock's nowNanos=" + nowNanos
                    + ": time never goes back");
        }
        nowNanos = timeNanos;
    }

    /** Moves the clock forward by {@code deltaNanos} (non-negative). */
    public void advanceBy(long deltaNanos) {
        if (deltaNanos < 0) {
            throw new IllegalArgumentException("deltaNanos=" + deltaNanos + " must be >= 0");
        }
        nowNanos = Math.addExact(nowNanos, deltaNanos);
    }
}
