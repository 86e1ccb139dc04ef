package org.mempred.lifetime;

/**
 * A block's lifetime (free time minus allocation time, in the caller's clock) on a log scale, as
 * lifetime-aware allocators class it (LLAMA's classes, TCMalloc's short/long cut):
 *
 * <pre>
 *   class  0        1           2          3         4
 *   life   &lt; 10 ms  &lt; 100 ms    &lt; 1 s      &lt; 10 s    longer (or never freed)
 * </pre>
 *
 * <p>Decade bounds keep each class's blocks within a factor of ten of each other, whatever the
 * program's time scale; five classes cover 10 ms to beyond 10 s, where the lab's workloads and the
 * traces live when replayed.
 */
public final class LifetimeClass {
    /** Number of classes. */
    public static final int COUNT = 5;
    /** The longest class, also given to blocks never freed. */
    public static final int LONGEST = COUNT - 1;

    private static final long[] UPPER_NANOS = {10_000_000L, 100_000_000L, 1_000_000_000L, 10_000_000_000L};
    private static final String[] LABELS = {"<10ms", "<100ms", "<1s", "<10s", ">=10s"};

    private LifetimeClass() {}

    /** The class of a lifetime of {@code nanos} (negative counts as 0). */
    public static int of(long nanos) {
        int c = 0;
        while (c < UPPER_NANOS.length && nanos >= UPPER_NANOS[c]) {
            c++;
        }
        return c;
    }

    /** The exclusive upper bound of class {@code c} in nanoseconds, {@link Long#MAX_VALUE} for the longest. */
    public static long upperNanos(int c) {
        return c < UPPER_NANOS.length ? UPPER_NANOS[check(c)] : Long.MAX_VALUE;
    }

    /** A short label, e.g. {@code <100ms}. */
    public static String label(int c) {
        return LABELS[check(c)];
    }

    static int check(int c) {
        if (c < 0 || c >= COUNT) {
            throw new IllegalArgumentException("lifetime class " + c + " outside [0, " + COUNT + ")");
        }
        return c;
    }
}
