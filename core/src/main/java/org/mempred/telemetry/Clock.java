package org.mempred.telemetry;

/**
 * The time source of a governor: the real monotonic clock in live mode, a virtual one in the lab,
 * so that the same governor code runs on both. It lives in {@code telemetry}, below both the
 * governor and the lab, so that the lab's virtual clock does not depend on the governor.
 */
@FunctionalInterface
public interface Clock {
    /** The real monotonic clock, {@link System#nanoTime()}. */
    Clock SYSTEM = System::nanoTime;

    /** Current time in nanoseconds; only differences are meaningful. Never decreases. */
    long nanoTime();
}
