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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stress of handles in use while compaction moves their blocks: the blocks are long-lived and
 * their users never free them, so every move is compaction's. The heap is laid out so that the
 * first compaction must move them (free holes below each), a churn thread keeps opening new holes,
 * and a compacting thread slides and evacuates until it has run {@value #COMPACTIONS} times; all
 * the while each user thread writes and reads its blocks through the heap's accessors (bulk and
 * typed) and checks every byte against its model. The users see their blocks at new addresses.
 */
class HandlesUnderCompactionTest {
    private static final int USERS = 3;
    private static final int BLOCKS_PER_USER = 12;
    private static final int COMPACTIONS = 300;

    @ParameterizedTest(name = "sub-arenas: {0}")
    @ValueSource(ints = {1, 4})
    void handlesKeepEveryByteWhileCompactionMovesTheirBlocks(int subArenas) throws Exception {
        CompactingHeap heap =
                CompactingHeap.builder(ArenaLayout.even(96 * 1024, subArenas)).build();
        SplittableRandom setup = new SplittableRandom(31 + subArenas);
        long[][] blocks = new long[USERS][BLOCKS_PER_USER];
        List<Long> holes = new ArrayList<>();
        for (int i = 0; i < BLOCKS_PER_USER; i++) {
            for (int u = 0; u < USERS; u++) {
                holes.add(heap.allocate(16 + setup.nextInt(600), AllocationMode.ATOMIC));
                blocks[u][i] = heap.allocate(8 + setup.nextInt(700), AllocationMode.ATOMIC);
            }
        }
        for (long hole : holes) {
            heap.free(hole); // a free hole below every user block: the first slide moves them all
        }
        AtomicBoolean compacting = new AtomicBoolean(true);
        List<BlockUser> users = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            users.add(new BlockUser(heap, blocks[u], 500 + u, compacting));
        }
        ExecutorService pool = Executors.newFixedThreadPool(USERS + 2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (BlockUser user : users) {
                running.add(pool.submit(user));
            }
            running.add(pool.submit(() -> churn(heap, compacting)));
            Future<?> compactor = pool.submit(() -> compact(heap, compacting));
            compactor.get(2, TimeUnit.MINUTES);
            for (Future<?> thread : running) {
                thread.get(2, TimeUnit.MINUTES);
            }
        } finally {
            compacting.set(false);
            pool.shutdownNow();
        }
        long moved = 0;
        for (BlockUser user : users) {
            user.freeAll();
            moved += user.movesSeen;
        }
        heap.invariants();
        assertThat(heap.stats().liveBlocks()).isZero();
        assertThat(heap.stats().bytesMoved()).isPositive();
        assertThat(moved).as("blocks the users saw at a new address").isPositive();
    }

    /** Slides and evacuates {@value #COMPACTIONS} times, then tells the others to stop. */
    private static void compact(CompactingHeap heap, AtomicBoolean compacting) {
        SplittableRandom random = new SplittableRandom(5);
        try {
            for (int i = 0; i < COMPACTIONS; i++) {
                if (random.nextBoolean()) {
                    heap.compact(i % 3 == 0 ? Long.MAX_VALUE : random.nextInt(4096));
                } else {
                    heap.compactFor(16 * (1 + random.nextInt(512)), Long.MAX_VALUE);
                }
                Thread.yield();
            }
        } finally {
            compacting.set(false);
        }
    }

    /** Allocates and frees short-lived blocks, so holes keep opening below and between the users' blocks. */
    private static void churn(CompactingHeap heap, AtomicBoolean compacting) {
        SplittableRandom random = new SplittableRandom(6);
        long[] fillers = new long[32];
        while (compacting.get()) {
            int i = random.nextInt(fillers.length);
            if (fillers[i] != Handles.NONE) {
                heap.free(fillers[i]);
            }
            fillers[i] = heap.tryAllocate(16 + random.nextInt(1024), AllocationMode.ATOMIC);
        }
        for (long filler : fillers) {
            if (filler != Handles.NONE) {
                heap.free(filler);
            }
        }
    }

    /** One user of a fixed set of blocks: writes and reads them through the heap while compaction runs. */
    private static final class BlockUser implements Runnable {
        private final CompactingHeap heap;
        private final long[] handles;
        private final byte[][] model;
        private final int[] lastAddress;
        private final SplittableRandom random;
        private final long seed;
        private final AtomicBoolean compacting;
        private long movesSeen;

        BlockUser(CompactingHeap heap, long[] handles, long seed, AtomicBoolean compacting) {
            this.heap = heap;
            this.handles = handles;
            this.seed = seed;
            this.random = new SplittableRandom(seed);
            this.compacting = compacting;
            this.model = new byte[handles.length][];
            this.lastAddress = new int[handles.length];
            for (int i = 0; i < handles.length; i++) {
                model[i] = new byte[heap.sizeOf(handles[i])];
                random.nextBytes(model[i]);
                heap.write(handles[i], 0, model[i]);
                lastAddress[i] = heap.address(handles[i], 0, 1);
            }
        }

        @Override
        public void run() {
            long round = 0;
            try {
                while (compacting.get()) {
                    oneRound(random.nextInt(handles.length));
                    round++;
                }
                for (int i = 0; i < handles.length; i++) {
                    oneRound(i); // after the last compaction: every block once more
                }
            } catch (Throwable t) {
                throw new AssertionError("seed=" + seed + " round=" + round + ": " + t.getMessage(), t);
            }
        }

        private void oneRound(int i) {
            long h = handles[i];
            byte[] expected = model[i];
            if (expected.length >= Long.BYTES && random.nextBoolean()) {
                int offset = random.nextInt(expected.length - Long.BYTES + 1);
                long value = random.nextLong();
                heap.typed().putLong(h, offset, value);
                for (int b = 0; b < Long.BYTES; b++) {
                    expected[offset + b] = (byte) (value >>> (8 * b));
                }
                assertThat(heap.typed().getLong(h, offset)).isEqualTo(value);
            } else {
                int offset = random.nextInt(expected.length);
                byte[] data = new byte[1 + random.nextInt(expected.length - offset)];
                random.nextBytes(data);
                heap.write(h, offset, data);
                System.arraycopy(data, 0, expected, offset, data.length);
            }
            assertThat(heap.readAll(h)).as("block %s", Handles.format(h)).isEqualTo(expected);
            int address = heap.address(h, 0, 1);
            if (address != lastAddress[i]) {
                movesSeen++;
                lastAddress[i] = address;
            }
        }

        void freeAll() {
            for (int i = 0; i < handles.length; i++) {
                assertThat(heap.readAll(handles[i])).isEqualTo(model[i]);
                heap.free(handles[i]);
            }
        }
    }
}
