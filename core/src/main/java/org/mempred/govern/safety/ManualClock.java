package org.mempred.govern.safety;

import org.mempred.telemetry.Clock;

/** Virtual time for a safety case: it moves only when the case sets it. Not thread-safe. */
final class ManualClock implements Clock {
    private long nowNanos;

    @Override
    public long nanoTime() {
        return nowNanos;
    }

    /** Moves the clock to {@code timeNanos} (not before the current time). */
    void advanceTo(long timeNanos) {
        if (timeNanos < nowNanos) {
            throw new IllegalArgumentException(
                    "timeNanos=" + timeNanos + " is before nowNanos=" + nowNanos + ": time never goes back");
        }
        nowNanos = timeNanos;
    }

    /** Moves the clock forward by {@code deltaNanos} (non-negative). */
    void advanceBy(long deltaNanos) {
        advanceTo(Math.addExact(nowNanos, deltaNanos));
    }
}
