package org.mempred.lab.safety;

import java.util.Arrays;
import org.mempred.govern.Governor;
import org.mempred.govern.GovernorConfig;
import org.mempred.govern.PolicySpec;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.Handles;
import org.mempred.lab.VirtualClock;
import org.mempred.lab.report.Phrase;
import org.mempred.predict.PredictorConfig;

/**
 * The adversarial rate-limit case: the {@code periodic} policy asks for a full compaction at every
 * tick, and the governor ticks every 5 ms (200 asks per second) for 10 s of virtual time while a
 * 100 KiB heap is churned between ticks. The time of every compaction the governor actually ran is
 * recorded, and the largest count inside any one-second window (sliding, starting at each
 * compaction) must not exceed the configured limit, and the limit must have refused some asks.
 */
public record RateLimit() implements SafetyCase {
    /** The governor's tick in this case: far shorter than the rate limit's window. */
    public static final long TICK_NANOS = 5_000_000L;

    private static final long RUN_NANOS = 10_000_000_000L;
    private static final long WINDOW_NANOS = 1_000_000_000L;
    private static final int CHURN_SLOTS = 128;

    @Override
    public String name() {
        return "compaction rate limit (periodic at 5 ms ticks)";
    }

    @Override
    public SafetyOutcome run() {
        CompactingHeap heap = new CompactingHeap(CompactingHeap.DEFAULT_CAPACITY_BYTES);
        VirtualClock clock = new VirtualClock();
        GovernorConfig config = GovernorConfig.DEFAULTS.withTickNanos(TICK_NANOS);
        Governor governor =
                new Governor(heap, clock, new PolicySpec.Periodic().create(PredictorConfig.DEFAULTS), config);
        long[] times = new long[(int) (RUN_NANOS / TICK_NANOS)];
        int compactions = 0;
        long[] live = new long[CHURN_SLOTS];
        int next = 0;
        for (long t = TICK_NANOS; t <= RUN_NANOS; t += TICK_NANOS) {
            if (live[next] != Handles.NONE) {
                heap.free(live[next]);
            }
            live[next] = heap.tryAllocate(16 + (next * 37) % 400, AllocationMode.ATOMIC);
            next = (next + 3) % live.length;
            clock.advanceTo(t);
            long before = governor.stats().proactiveCompactions();
            governor.tick();
            if (governor.stats().proactiveCompactions() > before) {
                times[compactions++] = t;
            }
        }
        int max = maxInWindow(Arrays.copyOf(times, compactions));
        int limit = config.maxCompactionsPerSecond();
        long refused = governor.stats().rateLimited();
        Phrase actual = Phrase.builder()
                .text("max ")
                .count(max)
                .text(" in any ")
                .count(WINDOW_NANOS / 1_000_000_000L)
                .text(" s (")
                .count(compactions)
                .text(" run, ")
                .count(refused)
                .text(" refused in ")
                .count(RUN_NANOS / 1_000_000_000L)
                .text(" s)")
                .build();
        Phrase expected = Phrase.builder().count(limit).text("/sec max").build();
        return new SafetyOutcome(this, expected, actual, max <= limit && refused > 0, max);
    }

    /** The most timestamps inside any window [t, t + 1 s) starting at a timestamp. */
    static int maxInWindow(long[] sortedTimes) {
        int max = 0;
        int end = 0;
        for (int start = 0; start < sortedTimes.length; start++) {
            while (end < sortedTimes.length && sortedTimes[end] < sortedTimes[start] + WINDOW_NANOS) {
                end++;
            }
            max = Math.max(max, end - start);
        }
        return max;
    }
}
