package org.mempred.lab.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.Handles;

class EventApplierTest {
    /** One event at a time, set by hand (always atomic, at time 0). */
    private static final class OneEvent {
        private final HeapEvent event = new HeapEvent();

        HeapEvent set(EventKind kind, long id, int size) {
            return kind == EventKind.ALLOCATE
                    ? event.allocate(0, id, size, true, HeapEvent.NO_SITE)
                    : event.other(0, kind, id);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void keepsEveryServedIdsBlockAndIgnoresIdsWithoutOneLikeAReferenceModel(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        CompactingHeap heap = new CompactingHeap(64 * 1024);
        EventApplier applier = new EventApplier(heap);
        OneEvent event = new OneEvent();
        Map<Long, Long> reference = new HashMap<>(); // id -> handle
        Map<Long, Integer> pins = new HashMap<>();
        for (int step = 0; step < 20_000; step++) {
            long id = random.nextLong(2_000);
            String at = "seed " + seed + " step " + step + " id " + id;
            Long handle = reference.get(id);
            switch (random.nextInt(4)) {
                case 0 -> {
                    if (handle == null) {
                        long served = applier.apply(event.set(EventKind.ALLOCATE, id, 1 + random.nextInt(256)));
                        if (served != Handles.NONE) {
                            reference.put(id, served);
                        }
                    }
                }
                case 1 -> {
                    if (handle == null || pins.getOrDefault(id, 0) == 0) {
                        assertThat(applier.apply(event.set(EventKind.FREE, id, 0)))
                                .as(at)
                                .isEqualTo(handle == null ? Handles.NONE : handle);
                        reference.remove(id);
                    }
                }
                case 2 -> {
                    assertThat(applier.apply(event.set(EventKind.PIN, id, 0)))
                            .as(at)
                            .isEqualTo(handle == null ? Handles.NONE : handle);
                    if (handle != null) {
                        pins.merge(id, 1, Integer::sum);
                    }
                }
                default -> {
                    if (pins.getOrDefault(id, 0) > 0) {
                        applier.apply(event.set(EventKind.UNPIN, id, 0));
                        pins.merge(id, -1, Integer::sum);
                    }
                }
            }
            assertThat(applier.handleOf(id)).as(at).isEqualTo(reference.getOrDefault(id, Handles.NONE));
            assertThat(applier.blocks()).as(at).isEqualTo(reference.size());
        }
        applier.releaseAll();
        assertThat(heap.usedBytes()).isZero();
        assertThat(applier.blocks()).isZero();
    }

    @Test
    void allocatingAnIdThatStillHasABlockIsRejectedWithTheId() {
        EventApplier applier = new EventApplier(new CompactingHeap(1024));
        HeapEvent event = new OneEvent().set(EventKind.ALLOCATE, 5, 16);
        applier.apply(event);
        assertThatThrownBy(() -> applier.apply(event)).hasMessageContaining("id=5");
    }

    @Test
    void releaseSkipsABlockFreedFromOutsideAndFreesTheRest() {
        CompactingHeap heap = new CompactingHeap(1024);
        EventApplier applier = new EventApplier(heap);
        OneEvent event = new OneEvent();
        long first = applier.apply(event.set(EventKind.ALLOCATE, 1, 32));
        applier.apply(event.set(EventKind.ALLOCATE, 2, 32));
        applier.apply(event.set(EventKind.PIN, 2, 0));
        heap.free(first);
        applier.releaseAll();
        assertThat(heap.usedBytes()).isZero();
    }
}
