package org.mempred.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;

/**
 * One thread's share of a heap used by several threads at once: the thread owns its blocks, and a
 * plain reference model ({@code Map<handle, byte[]>}) says what each holds. Random steps from a
 * seeded {@link SplittableRandom} allocate, write, read, free and (optionally) pin and unpin; after
 * every step every byte of every block the thread owns is checked against the model, whatever
 * other threads and compactions did meanwhile. A failure names the seed, step and operation.
 * At the end the thread checks once more and frees everything it owns.
 *
 * <p>With {@link #pauseEvery}, the thread waits at a barrier after every so many steps, so that
 * the heap can be checked whole at quiescent points ({@link #model()}, {@link #pinnedBlocks()}
 * read there, when every thread waits).
 */
final class ThreadModel implements Callable<Void> {
    private static final int SLOTS = 24;

    private final CompactingHeap heap;
    private final long seed;
    private final int steps;
    private final int maxSizeBytes;
    private final boolean pins;
    private final SplittableRandom random;
    private final long[] handles = new long[SLOTS];
    private final int[] pinCounts = new int[SLOTS];
    private final Map<Long, byte[]> model = new HashMap<>();
    private final AllocationRequest request = new AllocationRequest();
    private Runnable onWakeup = () -> {};
    private CyclicBarrier barrier;
    private int pauseSteps;
    private int step;
    private String op = "start";

    ThreadModel(CompactingHeap heap, long seed, int steps, int maxSizeBytes, boolean pins) {
        this.heap = heap;
        this.seed = seed;
        this.steps = steps;
        this.maxSizeBytes = maxSizeBytes;
        this.pins = pins;
        this.random = new SplittableRandom(seed);
    }

    /** Runs {@code answer} whenever an allocation raises the reserve's wake-up (as a live system's caller does). */
    ThreadModel onWakeup(Runnable answer) {
        this.onWakeup = answer;
        return this;
    }

    /** Waits at {@code quiescent} after every {@code everySteps} steps ({@code steps / everySteps} times in all). */
    ThreadModel pauseEvery(int everySteps, CyclicBarrier quiescent) {
        this.pauseSteps = everySteps;
        this.barrier = quiescent;
        return this;
    }

    /** What every block the thread owns holds, by handle; read only while the thread waits at its barrier. */
    Map<Long, byte[]> model() {
        return model;
    }

    /** Blocks the thread holds pinned; read only while the thread waits at its barrier. */
    int pinnedBlocks() {
        int pinned = 0;
        for (int count : pinCounts) {
            pinned += count > 0 ? 1 : 0;
        }
        return pinned;
    }

    @Override
    public Void call() {
        try {
            for (step = 0; step < steps; step++) {
                oneStep();
                checkEveryBlock();
                if (barrier != null && (step + 1) % pauseSteps == 0) {
                    op = "quiescent point";
                    barrier.await();
                }
            }
            op = "final check and free";
            checkEveryBlock();
            for (int i = 0; i < SLOTS; i++) {
                release(i);
            }
        } catch (Throwable t) {
            throw new AssertionError("seed=" + seed + " step=" + step + " op=" + op + ": " + t.getMessage(), t);
        }
        return null;
    }

    private void oneStep() {
        int i = random.nextInt(SLOTS);
        int dice = random.nextInt(100);
        if (handles[i] == Handles.NONE || dice < 15) {
            release(i);
            allocate(i);
        } else if (dice < 50) {
            write(i);
        } else if (dice < 65) {
            typed(i);
        } else if (dice < 80) {
            read(i);
        } else if (dice < 90 && pins) {
            pinOrUnpin(i);
        } else {
            op = "sizeOf/isLive " + Handles.format(handles[i]);
            assertThat(heap.isLive(handles[i])).isTrue();
            assertThat(heap.sizeOf(handles[i])).isEqualTo(model.get(handles[i]).length);
        }
    }

    private void allocate(int i) {
        int size = 1 + random.nextInt(maxSizeBytes);
        AllocationMode mode = random.nextInt(5) == 0 ? AllocationMode.ATOMIC : AllocationMode.MAY_COMPACT;
        op = "allocate " + size + " " + mode;
        Allocation outcome = heap.allocate(request.of(size, mode));
        if (!outcome.succeeded()) {
            assertThat(outcome.oomKind()).isPresent();
            return;
        }
        long h = outcome.handle();
        byte[] initial = heap.readAll(h);
        if (heap.zeroFill()) {
            assertThat(initial).containsOnly((byte) 0);
        }
        handles[i] = h;
        model.put(h, initial);
        if (outcome.wakeupRaised()) {
            onWakeup.run();
        }
    }

    private void release(int i) {
        long h = handles[i];
        if (h == Handles.NONE) {
            return;
        }
        op = "free " + Handles.format(h);
        for (; pinCounts[i] > 0; pinCounts[i]--) {
            heap.unpin(h);
        }
        heap.free(h);
        assertThat(heap.isLive(h)).isFalse();
        model.remove(h);
        handles[i] = Handles.NONE;
    }

    private void write(int i) {
        long h = handles[i];
        byte[] expected = model.get(h);
        int offset = random.nextInt(expected.length);
        int length = 1 + random.nextInt(expected.length - offset);
        byte[] data = new byte[length];
        random.nextBytes(data);
        op = "write " + Handles.format(h) + " @" + offset + "+" + length;
        heap.write(h, offset, data);
        System.arraycopy(data, 0, expected, offset, length);
    }

    private void typed(int i) {
        long h = handles[i];
        byte[] expected = model.get(h);
        if (expected.length < Long.BYTES) {
            int offset = random.nextInt(expected.length);
            op = "putByte " + Handles.format(h) + " @" + offset;
            byte value = (byte) random.nextInt();
            heap.typed().putByte(h, offset, value);
            expected[offset] = value;
            return;
        }
        int offset = random.nextInt(expected.length - Long.BYTES + 1);
        long value = random.nextLong();
        op = "putLong " + Handles.format(h) + " @" + offset;
        heap.typed().putLong(h, offset, value);
        for (int b = 0; b < Long.BYTES; b++) {
            expected[offset + b] = (byte) (value >>> (8 * b));
        }
        assertThat(heap.typed().getLong(h, offset)).isEqualTo(value);
    }

    private void read(int i) {
        long h = handles[i];
        byte[] expected = model.get(h);
        int offset = random.nextInt(expected.length);
        int length = 1 + random.nextInt(expected.length - offset);
        op = "read " + Handles.format(h) + " @" + offset + "+" + length;
        byte[] got = new byte[length];
        heap.read(h, offset, got, 0, length);
        for (int b = 0; b < length; b++) {
            assertThat(got[b]).isEqualTo(expected[offset + b]);
        }
    }

    private void pinOrUnpin(int i) {
        long h = handles[i];
        op = "pin/unpin " + Handles.format(h) + " pins=" + pinCounts[i];
        if (pinCounts[i] > 0 && random.nextBoolean()) {
            heap.unpin(h);
            pinCounts[i]--;
        } else if (pinCounts[i] < 2) {
            heap.pin(h);
            pinCounts[i]++;
        }
        assertThat(heap.isPinned(h)).isEqualTo(pinCounts[i] > 0);
    }

    private void checkEveryBlock() {
        for (Map.Entry<Long, byte[]> entry : model.entrySet()) {
            assertThat(heap.readAll(entry.getKey()))
                    .as("contents of %s", Handles.format(entry.getKey()))
                    .isEqualTo(entry.getValue());
        }
    }
}
