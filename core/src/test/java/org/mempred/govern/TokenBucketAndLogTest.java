package org.mempred.govern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mempred.govern.Decision.Action;

class TokenBucketAndLogTest {

    @Test
    void bucketRefillsAtItsRateUpToItsDepth() {
        TokenBucket bucket = new TokenBucket(10, 2);
        assertThat(bucket.tryAcquire(0)).isTrue();
        assertThat(bucket.tryAcquire(0)).isTrue();
        assertThat(bucket.tryAcquire(0)).isFalse();
        assertThat(bucket.tryAcquire(99_999_999L)).isFalse();
        assertThat(bucket.tryAcquire(100_000_000L)).isTrue();
        // A long pause refills only up to the depth.
        assertThat(bucket.tryAcquire(60_000_000_000L)).isTrue();
        assertThat(bucket.tryAcquire(60_000_000_000L)).isTrue();
        assertThat(bucket.tryAcquire(60_000_000_000L)).isFalse();
        assertThatThrownBy(() -> new TokenBucket(0, 1)).hasMessageContaining("ratePerSecond=0");
    }

    @Test
    void logKeepsTheLastEntriesOldestFirst() {
        DecisionLog log = new DecisionLog(3);
        for (int i = 0; i < 5; i++) {
            log.append(new Decision(i, 0.5, Double.NaN, Action.IDLE, "tick " + i));
        }
        assertThat(log.appended()).isEqualTo(5);
        assertThat(log.last(10)).extracting(Decision::reason).containsExactly("tick 2", "tick 3", "tick 4");
        assertThat(log.last(1)).extracting(Decision::reason).containsExactly("tick 4");
        assertThatThrownBy(() -> log.last(-1)).hasMessageContaining("n=-1");
        assertThatThrownBy(() -> new DecisionLog(0)).hasMessageContaining("capacity=0");
    }

    @Test
    void configRejectsNonsense() {
        assertThatThrownBy(() -> GovernorConfig.DEFAULTS.withTickNanos(0)).hasMessageContaining("tickNanos=0");
        assertThat(GovernorConfig.DEFAULTS.withTickNanos(7).tickNanos()).isEqualTo(7);
    }
}
