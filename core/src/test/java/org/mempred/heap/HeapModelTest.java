package org.mempred.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mempred.lifetime.OracleLifetimePredictor;
import org.mempred.lifetime.SiteTable;

/**
 * Model-based randomized test: random operation sequences, each step checked against a plain
 * reference model ({@code Map<handle, byte[]>} plus pin counts) and {@link CompactingHeap#invariants()}.
 * 50 seeds × 20,000 steps = 1,000,000 operations; a failure names its seed and step.
 */
class HeapModelTest {
    private static final int STEPS_PER_SEED = 20_000;

    static LongStream seeds() {
        return LongStream.range(0, 50).map(i -> 0x9E3779B97F4A7C15L * (i + 1));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void heapAgreesWithReferenceModelAfterEveryOperation(long seed) {
        new Run(seed).execute();
    }

    private static final class Run {
        private final long seed;
        private final SplittableRandom random;
        private final CompactingHeap heap;
        private final Map<Long, byte[]> model = new HashMap<>();
        private final Map<Long, Integer> pins = new HashMap<>();
        private final List<Long> handles = new ArrayList<>();
        private int step;
        private String op = "start";

        Run(long seed) {
            this.seed = seed;
            this.random = new SplittableRandom(seed);
            // One seed in five gets an arena of over 256 KiB, so the live summary has a coarse level.
            int granules = random.nextInt(5) == 0 ? 16_400 + random.nextInt(8_000) : 64 + random.nextInt(4096);
            int capacity = Granules.BYTES * granules;
            DirectCompaction direct = random.nextBoolean() ? DirectCompaction.EVACUATE : DirectCompaction.SLIDE;
            // One seed in five is cut into sub-arenas (no block may cross a fence), and one in three
            // places blocks by lifetime: the placement must change where blocks go, never what they hold.
            ArenaLayout layout = random.nextInt(5) == 0 && granules >= 1024
                    ? ArenaLayout.of(Granules.BYTES * (granules / 2), Granules.BYTES * (granules - granules / 2))
                    : ArenaLayout.single(capacity);
            // One seed in three leaves new blocks uncleared: their first bytes are whatever the heap
            // shows, and from then on they must stay exactly what was written, like every block.
            this.zeroFill = random.nextInt(3) != 0;
            this.heap = CompactingHeap.builder(layout)
                    .directCompactionBudgetBytes(random.nextInt(4) * 1024)
                    .directCompaction(direct)
                    .zeroFill(zeroFill)
                    .build();
            this.placed = random.nextInt(3) == 0;
            if (placed) {
                heap.setPlacement(random.nextBoolean() ? new SiteTable() : new OracleLifetimePredictor());
            }
        }

        private final boolean placed;
        private final boolean zeroFill;
        private final AllocationRequest request = new AllocationRequest();

        /** The model's clock: 1 ms a step, so lifetimes span every class over a run. */
        private long nowNanos() {
            return step * 1_000_000L;
        }

        void execute() {
            try {
                for (step = 0; step < STEPS_PER_SEED; step++) {
                    oneStep();
                    heap.invariants();
                    assertThat(heap.stats().liveBlocks()).isEqualTo(model.size());
                    assertThat(heap.usedBytes()).isEqualTo(modelUsedBytes());
                    if (step % 500 == 0) {
                        assertEveryBlockMatches();
                    }
                }
                assertEveryBlockMatches();
                if (placed) {
                    assertThat(heap.placementStats().orElseThrow().frees()).isPositive();
                }
            } catch (Throwable t) {
                throw new AssertionError("seed=" + seed + " step=" + step + " op=" + op + ": " + t.getMessage(), t);
            }
        }

        private void oneStep() {
            int dice = random.nextInt(100);
            boolean fillPhase = (step / 2000) % 2 == 0;
            if (dice < (fillPhase ? 40 : 25)) {
                allocate();
            } else if (dice < 60 && !handles.isEmpty()) {
                free();
            } else if (dice < 75 && !handles.isEmpty()) {
                write();
            } else if (dice < 85 && !handles.isEmpty()) {
                read();
            } else if (dice < 93 && !handles.isEmpty()) {
                pinOrUnpin();
            } else if (dice < 95) {
                compact(random.nextInt(4096));
            } else if (dice < 96) {
                compact(Long.MAX_VALUE);
            } else if (dice < 99) {
                compactFor();
            } else {
                int target = Math.min(heap.capacityBytes(), 16 * random.nextInt(256));
                op = "setReserve " + target;
                heap.reserve().set(target, target / 2);
            }
        }

        private void allocate() {
            int size = random.nextInt(10) < 8 ? 1 + random.nextInt(256) : 1 + random.nextInt(4096);
            size = Math.min(size, heap.capacityBytes());
            AllocationMode mode = random.nextInt(5) == 0 ? AllocationMode.ATOMIC : AllocationMode.MAY_COMPACT;
            op = "allocate " + size + " " + mode;
            int rounded = Granules.of(size) * Granules.BYTES;
            long oomBefore = heap.stats().oomEvents();
            long h = placed
                    ? heap.allocate(request.of(size, mode)
                                    .site(size % 7)
                                    .at(nowNanos())
                                    .trueLifetime(random.nextLong(20_000_000_000L)))
                            .handle()
                    : heap.tryAllocate(size, mode);
            if (h == Handles.NONE) {
                // A failure is honest only when no free block fits, even after direct compaction.
                assertThat(heap.largestFreeBytes()).isLessThan(rounded);
                assertThat(heap.stats().oomEvents()).isEqualTo(oomBefore + 1);
                assertEveryBlockMatches();
                return;
            }
            assertThat(model).doesNotContainKey(h);
            assertThat(heap.sizeOf(h)).isEqualTo(size);
            byte[] initial = heap.readAll(h);
            if (zeroFill) {
                assertThat(initial).containsOnly((byte) 0);
            }
            model.put(h, initial);
            pins.put(h, 0);
            handles.add(h);
        }

        private void free() {
            int index = random.nextInt(handles.size());
            long h = handles.get(index);
            op = "free " + Handles.format(h);
            if (pins.get(h) > 0) {
                return;
            }
            if (placed) {
                heap.free(h, nowNanos());
            } else {
                heap.free(h);
            }
            model.remove(h);
            pins.remove(h);
            handles.set(index, handles.get(handles.size() - 1));
            handles.remove(handles.size() - 1);
            assertThat(heap.isLive(h)).isFalse();
        }

        private void write() {
            long h = pick();
            byte[] expected = model.get(h);
            int offset = random.nextInt(expected.length);
            int length = random.nextInt(expected.length - offset + 1);
            byte[] data = new byte[length];
            random.nextBytes(data);
            op = "write " + Handles.format(h) + " @" + offset + "+" + length;
            heap.write(h, offset, data);
            System.arraycopy(data, 0, expected, offset, length);
        }

        private void read() {
            long h = pick();
            byte[] expected = model.get(h);
            int offset = random.nextInt(expected.length);
            op = "read " + Handles.format(h) + " @" + offset;
            assertThat(heap.typed().getByte(h, offset)).isEqualTo(expected[offset]);
            if (offset + Long.BYTES <= expected.length) {
                long value = 0;
                for (int i = Long.BYTES - 1; i >= 0; i--) {
                    value = (value << 8) | (expected[offset + i] & 0xFF);
                }
                assertThat(heap.typed().getLong(h, offset)).isEqualTo(value);
            }
        }

        private void pinOrUnpin() {
            long h = pick();
            int count = pins.get(h);
            op = "pin/unpin " + Handles.format(h) + " pins=" + count;
            if (count > 0 && random.nextBoolean()) {
                heap.unpin(h);
                pins.put(h, count - 1);
            } else if (count < 2) {
                heap.pin(h);
                pins.put(h, count + 1);
            }
            assertThat(heap.isPinned(h)).isEqualTo(pins.get(h) > 0);
        }

        private void compact(long budget) {
            op = "compact " + budget;
            Map<Long, Integer> pinnedOffsets = pinnedOffsets();
            CompactionResult result = heap.compact(budget);
            assertThat(result.bytesMoved()).isLessThanOrEqualTo(budget);
            assertThat(pinnedOffsets()).isEqualTo(pinnedOffsets);
            if (budget == Long.MAX_VALUE && heap.stats().pinnedBlocks() == 0) {
                assertThat(heap.freeBlockCount())
                        .isLessThanOrEqualTo(heap.layout().count());
            }
            assertEveryBlockMatches();
        }

        private void compactFor() {
            int target = Math.min(heap.capacityBytes(), Granules.BYTES * (1 + random.nextInt(512)));
            long budget = random.nextInt(3) == 0 ? Long.MAX_VALUE : random.nextInt(16_384);
            op = "compactFor " + target + " budget " + budget;
            int rounded = Granules.of(target) * Granules.BYTES;
            boolean fitsBefore = heap.largestFreeBytes() >= rounded;
            long movedBefore = heap.stats().bytesMoved();
            Map<Long, Integer> pinnedOffsets = pinnedOffsets();
            CompactionResult result = heap.compactFor(target, budget);
            assertThat(result.kind()).isEqualTo(CompactionResult.Kind.EVACUATE);
            assertThat(result.bytesMoved()).isLessThanOrEqualTo(budget);
            assertThat(heap.stats().bytesMoved() - movedBefore).isEqualTo(result.bytesMoved());
            assertThat(pinnedOffsets()).isEqualTo(pinnedOffsets);
            assertThat(heap.reserve().wakeupPending()).isFalse();
            if (fitsBefore) {
                assertThat(result.succeeded()).isTrue();
                assertThat(result.bytesMoved()).isZero();
            }
            assertThat(result.succeeded()).isEqualTo(heap.largestFreeBytes() >= rounded);
            assertEveryBlockMatches();
        }

        private Map<Long, Integer> pinnedOffsets() {
            Map<Long, Integer> offsets = new HashMap<>();
            int[] index = {0};
            heap.forEachBlock((offset, size, free, pinned) -> {
                if (pinned) {
                    offsets.put((long) index[0]++, offset);
                }
            });
            return offsets;
        }

        private long pick() {
            return handles.get(random.nextInt(handles.size()));
        }

        private int modelUsedBytes() {
            int used = 0;
            for (byte[] bytes : model.values()) {
                used += Granules.of(bytes.length) * Granules.BYTES;
            }
            return used;
        }

        private void assertEveryBlockMatches() {
            for (Map.Entry<Long, byte[]> entry : model.entrySet()) {
                assertThat(heap.readAll(entry.getKey()))
                        .as("contents of %s", Handles.format(entry.getKey()))
                        .isEqualTo(entry.getValue());
            }
        }
    }
}
