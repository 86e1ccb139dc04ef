package org.mempred.lab.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PinScheduleTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void endsPinsInDueOrderAndSkipsEarlyUnpinsLikeAReferenceModel(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PinSchedule pins = new PinSchedule();
        Map<Long, Long> live = new HashMap<>(); // pinned id -> due time
        for (int step = 0; step < 20_000; step++) {
            long id = random.nextLong(300);
            int op = random.nextInt(3);
            if (op == 0 && !live.containsKey(id)) {
                long due = random.nextLong(1_000);
                pins.pin(id, due);
                live.put(id, due);
            } else if (op == 1 && live.containsKey(id)) {
                pins.unpinEarly(id);
                live.remove(id);
            } else if (op == 2) {
                long expected =
                        live.values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
                assertThat(pins.peekDueNanos())
                        .as("seed %d step %d", seed, step)
                        .isEqualTo(expected);
                if (!live.isEmpty()) {
                    long popped = pins.popDue();
                    assertThat(live.remove(popped))
                            .as("seed %d step %d due of %d", seed, step, popped)
                            .isEqualTo(expected);
                }
            }
            assertThat(pins.isPinned(id))
                    .as("seed %d step %d id %d", seed, step, id)
                    .isEqualTo(live.containsKey(id));
        }
    }

    @Test
    void pinningAnIdThatIsPinnedAlreadyIsRejectedWithTheId() {
        PinSchedule pins = new PinSchedule();
        pins.pin(7, 100);
        assertThatThrownBy(() -> pins.pin(7, 200)).hasMessageContaining("id=7");
    }
}
