package org.mempred.govern;

/**
 * Rate limit for compactions the governor starts: {@code ratePerSecond} tokens refill
 * continuously up to {@code burst}; each compaction takes one. Over any interval of length T at
 * most {@code burst + ratePerSecond · T} compactions pass, whatever a policy asks for.
 *
 * <p>Time comes from the caller (the governor's clock), so the bucket behaves identically on the
 * virtual and the real clock. Tokens are kept in nano-token units (one token = 10^9) to stay exact
 * in integer arithmetic. O(1), allocation-free, not thread-safe (the governor thread owns it).
 */
final class TokenBucket {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long ratePerSecond;
    private final long capacityNanoTokens;
    private long nanoTokens;
    private long lastNanos;
    private boolean started;

    TokenBucket(int ratePerSecond, int burst) {
        if (ratePerSecond <= 0 || burst <= 0) {
            throw new IllegalArgumentException(
                    "ratePerSecond=" + ratePerSecond + " and burst=" + burst + " must be positive");
        }
        this.ratePerSecond = ratePerSecond;
        this.capacityNanoTokens = burst * NANOS_PER_SECOND;
        this.nanoTokens = capacityNanoTokens;
    }

    /** Takes one token at {@code nowNanos} if one is available. */
    boolean tryAcquire(long nowNanos) {
        refill(nowNanos);
        if (nanoTokens < NANOS_PER_SECOND) {
            return false;
        }
        nanoTokens -= NANOS_PER_SECOND;
        return true;
    }

    private void refill(long nowNanos) {
        if (started) {
            long elapsed = Math.max(0, nowNanos - lastNanos);
            long added = elapsed >= capacityNanoTokens / ratePerSecond ? capacityNanoTokens : elapsed * ratePerSecond;
            nanoTokens = Math.min(capacityNanoTokens, nanoTokens + added);
        }
        lastNanos = nowNanos;
        started = true;
    }
}
