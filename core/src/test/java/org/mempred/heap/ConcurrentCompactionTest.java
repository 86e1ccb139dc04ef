package org.mempred.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mempred.govern.Governor;
import org.mempred.govern.GovernorConfig;
import org.mempred.govern.PolicySpec;
import org.mempred.lifetime.SizeClassPredictor;
import org.mempred.predict.PredictorConfig;

/**
 * Several threads share one heap while compaction runs on another: each thread owns its blocks
 * and checks every byte of them against its own model after every step ({@link ThreadModel});
 * compaction comes from a thread calling the heap's compactions, or from a governor ticking on its
 * own thread and answering reserve wake-ups the allocating threads pass on. Pinned blocks are
 * checked never to move, through the heap's block walk. Each run is a few thousand steps a thread,
 * on a heap of one sub-arena (one lock) and on one of {@value #THREADS} (threads spread over
 * their locks, and a request none can serve takes them all).
 */
class ConcurrentCompactionTest {
    private static final int THREADS = 4;

    /** A heap of {@code capacityBytes} in {@code subArenas} equal sub-arenas, zero-filling as {@code zeroFill} says. */
    private static CompactingHeap heap(int capacityBytes, int subArenas, boolean zeroFill) {
        return CompactingHeap.builder(ArenaLayout.even(capacityBytes, subArenas))
                .zeroFill(zeroFill)
                .build();
    }

    @ParameterizedTest(name = "sub-arenas: {0}, placement by lifetime: {1}")
    @CsvSource({"1, false", "1, true", "4, false", "4, true"})
    void everyByteSurvivesCompactionRunningOnAnotherThread(int subArenas, boolean byLifetime) throws Exception {
        CompactingHeap heap = heap(64 * 1024, subArenas, true);
        if (byLifetime) {
            heap.setPlacement(new SizeClassPredictor()); // frees at the heap's latest time still teach it
        }
        List<Callable<Void>> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(new ThreadModel(heap, 1000 + t, 3000, 300, true));
        }
        SplittableRandom random = new SplittableRandom(7);
        long compactions = runWhile(threads, () -> {
            if (random.nextInt(3) == 0) {
                heap.compactFor(16 * (1 + random.nextInt(64)), random.nextInt(8192));
            } else {
                heap.compact(random.nextBoolean() ? Long.MAX_VALUE : random.nextInt(8192));
            }
        });
        assertEmptyAndSound(heap);
        assertThat(compactions).isPositive();
        assertThat(heap.stats().bytesMoved()).isPositive();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void threadsAgreeWithTheirModelsWhileTheGovernorCompacts(long seed) throws Exception {
        // ~90 % of the arena is wanted, so requests fail and compact directly, and the reserve wakes
        String policy = new String[] {"periodic", "linux", "reserve"}[(int) (seed % 3)];
        // seeds 11 to 13 share one lock, 14 to 16 spread over four sub-arenas
        CompactingHeap heap = heap(30 * 1024, seed < 14 ? 1 : THREADS, seed % 2 == 0);
        AtomicLong clock = new AtomicLong();
        Governor governor = new Governor(
                heap, clock::get, PolicySpec.parse(policy).create(PredictorConfig.DEFAULTS), GovernorConfig.DEFAULTS);
        List<Callable<Void>> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(new ThreadModel(heap, seed * 100 + t, 2000, 600, true).onWakeup(governor::onReserveWakeup));
        }
        long ticks = runWhile(threads, () -> {
            clock.addAndGet(GovernorConfig.DEFAULTS.tickNanos());
            governor.tick();
        });
        assertEmptyAndSound(heap);
        assertThat(governor.stats().ticks()).isEqualTo(ticks).isPositive();
        if (policy.equals("periodic")) {
            // the other policies compact only when the threads' interleaving fragments the heap enough,
            // which no schedule guarantees; periodic compacts at every tick
            assertThat(governor.stats().proactiveCompactions()).isEqualTo(ticks);
            assertThat(heap.stats().compactions()).isPositive();
        }
    }

    @ParameterizedTest(name = "sub-arenas: {0}")
    @ValueSource(ints = {1, THREADS})
    void pinnedBlocksNeverMoveWhileCompactionMovesTheBlocksOtherThreadsUse(int subArenas) throws Exception {
        CompactingHeap heap = heap(64 * 1024, subArenas, true);
        List<Callable<Void>> threads = new ArrayList<>();
        for (int t = 0; t < THREADS - 1; t++) {
            threads.add(new ThreadModel(heap, 2000 + t, 3000, 400, false)); // no pins: the pinner's are the only ones
        }
        AtomicLong checks = new AtomicLong();
        threads.add(() -> {
            pinner(heap, 77, checks);
            return null;
        });
        SplittableRandom random = new SplittableRandom(8);
        runWhile(threads, () -> {
            if (random.nextBoolean()) {
                heap.compact(random.nextBoolean() ? Long.MAX_VALUE : random.nextInt(16_384));
            } else {
                heap.compactFor(16 * (1 + random.nextInt(256)), Long.MAX_VALUE);
            }
        });
        assertEmptyAndSound(heap);
        assertThat(checks.get()).isPositive();
        assertThat(heap.stats().bytesMoved()).isPositive();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24})
    void theWholeHeapAgreesWithEveryThreadsModelAtEachQuiescentPoint(long seed) throws Exception {
        int subArenas = seed % 2 == 0 ? THREADS : 2;
        CompactingHeap heap = heap(48 * 1024, subArenas, seed % 4 != 1);
        int pauses = 12;
        int everySteps = 150;
        List<ThreadModel> models = new ArrayList<>();
        AtomicLong quiescentChecks = new AtomicLong();
        CyclicBarrier quiescent = new CyclicBarrier(THREADS + 1, () -> {
            checkWholeHeap(heap, models, seed);
            quiescentChecks.incrementAndGet();
        });
        for (int t = 0; t < THREADS; t++) {
            models.add(new ThreadModel(heap, seed * 100 + t, pauses * everySteps, 500, true)
                    .pauseEvery(everySteps, quiescent));
        }
        SplittableRandom random = new SplittableRandom(seed);
        AtomicLong compactions = new AtomicLong();
        List<Callable<Void>> threads = new ArrayList<>(models);
        threads.add(() -> {
            for (int pause = 0; pause < pauses; pause++) {
                for (int i = 0; i < 40; i++) {
                    compactOnce(heap, random);
                    compactions.incrementAndGet();
                    Thread.yield();
                }
                quiescent.await();
            }
            return null;
        });
        runWhile(threads, () -> LockSupport.parkNanos(1_000_000));
        assertEmptyAndSound(heap);
        assertThat(quiescentChecks.get()).isEqualTo(pauses);
        assertThat(compactions.get()).isEqualTo(pauses * 40L);
        assertThat(heap.stats().bytesMoved()).isPositive();
    }

    private static void compactOnce(CompactingHeap heap, SplittableRandom random) {
        switch (random.nextInt(4)) {
            case 0 -> heap.compact();
            case 1 -> heap.compact(random.nextInt(8192));
            case 2 -> heap.compactFor(16 * (1 + random.nextInt(128)), random.nextInt(16_384));
            default -> {
                heap.reserve().set(2048, 1024);
                heap.reserve().refill(RefillStep.values()[random.nextInt(RefillStep.values().length)], 16_384);
                heap.reserve().set(0, 0);
            }
        }
    }

    /**
     * At a quiescent point (every thread waits): the heap's structure is sound, it holds exactly
     * the blocks the models hold, pinned as they say, and every byte of every block is the model's.
     */
    private static void checkWholeHeap(CompactingHeap heap, List<ThreadModel> models, long seed) {
        heap.invariants();
        int blocks = 0;
        int pinned = 0;
        long usedBytes = 0;
        for (ThreadModel model : models) {
            pinned += model.pinnedBlocks();
            for (Map.Entry<Long, byte[]> block : model.model().entrySet()) {
                blocks++;
                usedBytes += (long) Granules.of(block.getValue().length) << Granules.SHIFT;
                assertThat(heap.readAll(block.getKey()))
                        .as("seed=%d block %s", seed, Handles.format(block.getKey()))
                        .isEqualTo(block.getValue());
            }
        }
        HeapStats stats = heap.stats();
        assertThat(stats.liveBlocks()).as("seed=%d live blocks", seed).isEqualTo(blocks);
        assertThat(stats.pinnedBlocks()).as("seed=%d pinned blocks", seed).isEqualTo(pinned);
        assertThat((long) heap.usedBytes()).as("seed=%d used bytes", seed).isEqualTo(usedBytes);
    }

    /**
     * The only thread that pins: it pins and unpins blocks of its own, and between its pin changes
     * the offsets of the pinned blocks the heap's walk shows must stay exactly those it saw after
     * the change, however often other threads compact and allocate.
     */
    private static void pinner(CompactingHeap heap, long seed, AtomicLong checks) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] blocks = new long[8];
        byte[][] contents = new byte[blocks.length][];
        boolean[] pinned = new boolean[blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            contents[i] = new byte[16 + random.nextInt(512)];
            random.nextBytes(contents[i]);
            blocks[i] = heap.allocate(contents[i].length, AllocationMode.MAY_COMPACT);
            heap.write(blocks[i], 0, contents[i]);
        }
        for (int round = 0; round < 400; round++) {
            int i = random.nextInt(blocks.length);
            if (pinned[i]) {
                heap.unpin(blocks[i]);
            } else {
                heap.pin(blocks[i]);
            }
            pinned[i] = !pinned[i];
            Set<Integer> offsets = pinnedOffsets(heap);
            for (int look = 0; look < 10; look++) {
                Thread.yield();
                assertThat(pinnedOffsets(heap))
                        .as("seed=%d round=%d", seed, round)
                        .isEqualTo(offsets);
                assertThat(heap.readAll(blocks[i])).isEqualTo(contents[i]);
                checks.incrementAndGet();
            }
        }
        for (int i = 0; i < blocks.length; i++) {
            if (pinned[i]) {
                heap.unpin(blocks[i]);
            }
            assertThat(heap.readAll(blocks[i])).isEqualTo(contents[i]);
            heap.free(blocks[i]);
        }
    }

    private static Set<Integer> pinnedOffsets(CompactingHeap heap) {
        Set<Integer> offsets = new HashSet<>();
        heap.forEachBlock((offset, size, free, pinned) -> {
            if (pinned) {
                offsets.add(offset);
            }
        });
        return offsets;
    }

    /**
     * Runs {@code threads} to completion while one more thread repeats {@code background}; returns
     * how often it ran. The first failure of any thread fails the test with its message.
     */
    private static long runWhile(List<Callable<Void>> threads, Runnable background) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong runs = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads.size() + 1);
        try {
            Future<?> looping = pool.submit(() -> {
                while (!done.get()) {
                    background.run();
                    runs.incrementAndGet();
                }
            });
            List<Future<Void>> running = new ArrayList<>();
            for (Callable<Void> thread : threads) {
                running.add(pool.submit(thread));
            }
            try {
                for (Future<Void> thread : running) {
                    thread.get(2, TimeUnit.MINUTES);
                }
            } finally {
                done.set(true);
            }
            looping.get(1, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        return runs.get();
    }

    /** Every thread freed what it owned: the heap is empty and its structure sound. */
    private static void assertEmptyAndSound(CompactingHeap heap) {
        heap.invariants();
        assertThat(heap.stats().liveBlocks()).isZero();
        assertThat(heap.usedBytes()).isZero();
        assertThat(heap.stats().pinnedBlocks()).isZero();
    }
}
