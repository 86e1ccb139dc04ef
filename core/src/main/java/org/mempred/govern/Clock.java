package org.mempred.govern;

/**
 * The time source of a governor: the real monotonic clock in live mode, a virtual one in the lab,
 * so that the same governor code runs on both.
 */
@FunctionalInterface
public interface Clock {
    /** The real monotonic clock, {@link System#nanoTime()}. */
    Clock SYSTEM = System::nanoTime;

    /** Current time in nanoseconds; only differences are meaningful. Never decreases. */
    long nanoTime();
}
