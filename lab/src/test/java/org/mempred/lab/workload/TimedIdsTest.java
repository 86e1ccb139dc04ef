package org.mempred.lab.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimedIdsTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void popsInTimeOrderLikeAPriorityQueue(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TimedIds heap = new TimedIds(512);
        PriorityQueue<Long> reference = new PriorityQueue<>();
        for (int step = 0; step < 5_000; step++) {
            if (reference.size() < 512 && (reference.isEmpty() || random.nextBoolean())) {
                long time = random.nextLong(1_000);
                heap.push(time, (int) time);
                reference.add(time);
            } else {
                assertThat(heap.peekTimeNanos())
                        .as("seed %d step %d", seed, step)
                        .isEqualTo(reference.peek());
                assertThat(heap.peekId()).isEqualTo((int) heap.peekTimeNanos());
                heap.pop();
                reference.poll();
            }
        }
        assertThat(heap.isEmpty()).isEqualTo(reference.isEmpty());
    }
}
