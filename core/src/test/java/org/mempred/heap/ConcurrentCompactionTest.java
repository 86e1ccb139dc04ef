package org.mempred.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mempred.lifetime.SizeClassPredictor;

/**
 * Writers own their blocks and keep writing, freeing, reallocating and re-reading them through
 * handles while another thread compacts in a loop; every byte read must be the byte written.
 */
class ConcurrentCompactionTest {
    private static final int WRITERS = 4;
    private static final int ROUNDS = 20_000;

    @ParameterizedTest(name = "placement by lifetime: {0}")
    @ValueSource(booleans = {false, true})
    void everyByteSurvivesCompactionRunningOnAnotherThread(boolean byLifetime) throws Exception {
        CompactingHeap heap = new CompactingHeap(64 * 1024);
        if (byLifetime) {
            heap.setPlacement(new SizeClassPredictor()); // frees at the heap's latest time still teach it
        }
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong compactions = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        try {
            Future<?> compactor = pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(7);
                while (!done.get()) {
                    heap.compact(random.nextBoolean() ? Long.MAX_VALUE : random.nextInt(8192));
                    compactions.incrementAndGet();
                }
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                long seed = 1000 + w;
                writers.add(pool.submit(() -> writer(heap, seed)));
            }
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
            done.set(true);
            compactor.get(1, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        heap.invariants();
        assertThat(compactions.get()).isPositive();
        assertThat(heap.stats().bytesMoved()).isPositive();
    }

    private static Void writer(CompactingHeap heap, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int blocks = 24;
        long[] handles = new long[blocks];
        byte[][] expected = new byte[blocks][];
        for (int round = 0; round < ROUNDS; round++) {
            int i = random.nextInt(blocks);
            if (handles[i] == Handles.NONE || random.nextInt(4) == 0) {
                if (handles[i] != Handles.NONE) {
                    assertThat(heap.readAll(handles[i])).isEqualTo(expected[i]);
                    heap.free(handles[i]);
                }
                int size = 1 + random.nextInt(300);
                handles[i] = heap.allocate(size, AllocationMode.MAY_COMPACT);
                expected[i] = new byte[size];
            }
            random.nextBytes(expected[i]);
            heap.write(handles[i], 0, expected[i]);
            int probe = random.nextInt(expected[i].length);
            assertThat(heap.typed().getByte(handles[i], probe)).isEqualTo(expected[i][probe]);
            assertThat(heap.readAll(handles[i])).isEqualTo(expected[i]);
        }
        for (int i = 0; i < blocks; i++) {
            if (handles[i] != Handles.NONE) {
                assertThat(heap.readAll(handles[i])).isEqualTo(expected[i]);
            }
        }
        return null;
    }
}
