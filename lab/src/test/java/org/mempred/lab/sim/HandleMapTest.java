package org.mempred.lab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandleMapTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void behavesLikeAHashMapUnderRandomChurn(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        HandleMap map = new HandleMap(4);
        Map<Long, Long> reference = new HashMap<>();
        List<Long> keys = new ArrayList<>();
        for (int step = 0; step < 20_000; step++) {
            int op = random.nextInt(3);
            long id = keys.isEmpty() || random.nextInt(4) == 0
                    ? random.nextLong(5_000)
                    : keys.get(random.nextInt(keys.size()));
            if (op == 0) {
                long handle = random.nextLong(1, Long.MAX_VALUE);
                map.put(id, handle);
                if (reference.put(id, handle) == null) {
                    keys.add(id);
                }
            } else if (op == 1) {
                long expected = reference.containsKey(id) ? reference.remove(id) : -7L;
                keys.remove(id);
                assertThat(map.remove(id, -7L))
                        .as("seed %d step %d remove %d", seed, step, id)
                        .isEqualTo(expected);
            } else {
                assertThat(map.get(id, -7L))
                        .as("seed %d step %d get %d", seed, step, id)
                        .isEqualTo(reference.getOrDefault(id, -7L));
            }
            assertThat(map.size()).isEqualTo(reference.size());
        }
    }

    @ParameterizedTest(name = "id {0}")
    @ValueSource(longs = {-1, -100})
    void negativeIdsAreRejected(long id) {
        assertThatThrownBy(() -> new HandleMap(4).put(id, 1)).hasMessageContaining("id=" + id);
    }
}
