package org.mempred.lab.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayStreamTest {
    private static final ReplayMarks MARKS = new ReplayMarks(0.2, 0.1, 50_000L);
    private static final String TRACE = randomTrace(7, 20_000);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 99})
    void keepsTheEventStreamContract(long seed) {
        ReplayStream stream = replay(TRACE, 1.0, MARKS, seed, Long.MAX_VALUE);
        Set<Long> live = new HashSet<>();
        Set<Long> pinned = new HashSet<>();
        long time = 0;
        int allocations = 0;
        int atomics = 0;
        int pins = 0;
        while (stream.next()) {
            assertThat(stream.event().timeNanos()).as("seed %d", seed).isGreaterThanOrEqualTo(time);
            time = stream.event().timeNanos();
            long id = stream.event().id();
            switch (stream.event().kind()) {
                case ALLOCATE -> {
                    assertThat(live.add(id)).isTrue();
                    allocations++;
                    atomics += stream.event().atomic() ? 1 : 0;
                }
                case FREE -> {
                    assertThat(pinned)
                            .as("seed %d: free of pinned id %d", seed, id)
                            .doesNotContain(id);
                    assertThat(live.remove(id)).isTrue();
                }
                case PIN -> {
                    assertThat(live).contains(id);
                    assertThat(pinned.add(id)).isTrue();
                    pins++;
                }
                case UNPIN ->
                    assertThat(pinned.remove(id))
                            .as("seed %d: unpin of %d", seed, id)
                            .isTrue();
                default ->
                    throw new AssertionError("unknown kind " + stream.event().kind());
            }
        }
        assertThat((double) atomics / allocations).isBetween(0.17, 0.23);
        assertThat((double) pins / allocations).isBetween(0.08, 0.12);
    }

    @Test
    void sameSeedGivesTheSameStreamAndAnotherSeedAnother() {
        List<String> first = events(replay(TRACE, 1.0, MARKS, 5, Long.MAX_VALUE));
        assertThat(events(replay(TRACE, 1.0, MARKS, 5, Long.MAX_VALUE))).isEqualTo(first);
        assertThat(events(replay(TRACE, 1.0, MARKS, 6, Long.MAX_VALUE))).isNotEqualTo(first);
    }

    @Test
    void speedScalesTimeAndTheEndCutsTheStream() {
        String trace = "# mempred-trace v1\n1000 a 1 16\n3000 f 1\n9000 a 2 16\n";
        ReplayMarks none = new ReplayMarks(0, 0, 1);
        assertThat(events(replay(trace, 2.0, none, 1, Long.MAX_VALUE)))
                .containsExactly("500 ALLOCATE 1 16 false", "1500 FREE 1 0 false", "4500 ALLOCATE 2 16 false");
        assertThat(events(replay(trace, 0.5, none, 1, 6000)))
                .containsExactly("2000 ALLOCATE 1 16 false", "6000 FREE 1 0 false");
    }

    @Test
    void aPinnedBlockIsUnpinnedAtTheTimeOfItsFreeWhenThePinIsNotYetDue() {
        String trace = "# mempred-trace v1\n10 a 1 16\n20 f 1\n";
        ReplayMarks alwaysPinLong = new ReplayMarks(1.0, 1.0, 1_000_000_000L);
        List<String> events = events(replay(trace, 1.0, alwaysPinLong, 3, Long.MAX_VALUE));
        assertThat(events)
                .containsExactly(
                        "10 ALLOCATE 1 16 true", "10 PIN 1 0 false", "20 UNPIN 1 0 false", "20 FREE 1 0 false");
    }

    private static ReplayStream replay(String trace, double speed, ReplayMarks marks, long seed, long end) {
        TraceReader reader =
                new TraceReader(new ByteArrayInputStream(trace.getBytes(StandardCharsets.US_ASCII)), "test");
        return new ReplayStream(reader, speed, marks, seed, end);
    }

    private static List<String> events(ReplayStream stream) {
        List<String> events = new ArrayList<>();
        while (stream.next()) {
            events.add(stream.event().timeNanos() + " " + stream.event().kind() + " "
                    + stream.event().id() + " " + stream.event().sizeBytes() + " "
                    + stream.event().atomic());
        }
        return events;
    }

    private static String randomTrace(long seed, int events) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder(TraceFormat.V1.header()).append('\n');
        Set<Long> live = new HashSet<>();
        long time = 0;
        for (int i = 0; i < events; i++) {
            time += random.nextLong(20_000);
            long id = random.nextLong(256);
            if (live.remove(id)) {
                text.append(time).append(" f ").append(id).append('\n');
            } else {
                live.add(id);
                text.append(time)
                        .append(" a ")
                        .append(id)
                        .append(' ')
                        .append(1 + random.nextInt(500))
                        .append('\n');
            }
        }
        return text.toString();
    }
}
