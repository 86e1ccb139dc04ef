package org.mempred.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Zero-fill as a property of the heap: on by default, and either way live blocks are never touched. */
class ZeroFillTest {
    private static final int CAPACITY = 4096;

    @Test
    void heapsZeroFillByDefault() {
        assertThat(new CompactingHeap(CAPACITY).zeroFill()).isTrue();
        assertThat(CompactingHeap.builder(CAPACITY).build().zeroFill()).isTrue();
        assertThat(CompactingHeap.builder(CAPACITY).zeroFill(false).build().zeroFill())
                .isFalse();
    }

    @Test
    void withZeroFillAReusedBlockReadsZeros() {
        CompactingHeap heap = CompactingHeap.builder(CAPACITY).zeroFill(true).build();
        long first = heap.allocate(256, AllocationMode.ATOMIC);
        heap.write(first, 0, filled(256, (byte) 0x5A));
        int address = addressOf(heap, first);
        heap.free(first);

        long reused = heap.allocate(256, AllocationMode.ATOMIC);

        assertThat(addressOf(heap, reused)).isEqualTo(address);
        assertThat(heap.readAll(reused)).containsOnly((byte) 0);
    }

    @Test
    void withZeroFillABlockInSpaceACompactionVacatedReadsZeros() {
        CompactingHeap heap = CompactingHeap.builder(CAPACITY).zeroFill(true).build();
        long gap = heap.allocate(512, AllocationMode.ATOMIC);
        long moved = heap.allocate(512, AllocationMode.ATOMIC);
        heap.write(moved, 0, filled(512, (byte) 0x33));
        heap.free(gap);
        assertThat(heap.compact().blocksMoved()).isEqualTo(1); // its old bytes stay behind in free space

        long fresh = heap.allocate(1024, AllocationMode.ATOMIC);

        assertThat(heap.readAll(fresh)).containsOnly((byte) 0);
        assertThat(heap.readAll(moved)).containsOnly((byte) 0x33);
    }

    @Test
    void withoutZeroFillAReusedBlockKeepsTheBytesThatWereThere() {
        CompactingHeap heap = CompactingHeap.builder(CAPACITY).zeroFill(false).build();
        long first = heap.allocate(256, AllocationMode.ATOMIC);
        heap.write(first, 0, filled(256, (byte) 0x5A));
        heap.free(first);

        long reused = heap.allocate(256, AllocationMode.ATOMIC);

        assertThat(heap.readAll(reused)).containsOnly((byte) 0x5A);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void withoutZeroFillLiveBlocksAreNeverCorrupted(long seed) {
        CompactingHeap heap =
                CompactingHeap.builder(8 * CAPACITY).zeroFill(false).build();
        SplittableRandom random = new SplittableRandom(seed);
        Map<Long, byte[]> model = new HashMap<>();
        try {
            for (int step = 0; step < 4000; step++) {
                int dice = random.nextInt(10);
                if (dice < 5) {
                    long h = heap.tryAllocate(1 + random.nextInt(700), AllocationMode.MAY_COMPACT);
                    if (h != Handles.NONE) {
                        byte[] bytes = new byte[heap.sizeOf(h)];
                        random.nextBytes(bytes);
                        heap.write(h, 0, bytes);
                        model.put(h, bytes);
                    }
                } else if (dice < 9 && !model.isEmpty()) {
                    long h = model.keySet().iterator().next();
                    heap.free(h);
                    model.remove(h);
                } else {
                    heap.compact(random.nextInt(4096));
                }
                for (Map.Entry<Long, byte[]> entry : model.entrySet()) {
                    assertThat(heap.readAll(entry.getKey())).isEqualTo(entry.getValue());
                }
            }
            heap.invariants();
        } catch (AssertionError e) {
            throw new AssertionError("seed=" + seed + ": " + e.getMessage(), e);
        }
        assertThat(heap.stats().bytesMoved()).isPositive();
    }

    @Test
    void aNegativeBudgetIsRefusedNamingTheValue() {
        HeapBuilder builder = CompactingHeap.builder(CAPACITY);
        assertThatThrownBy(() -> builder.directCompactionBudgetBytes(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("directCompactionBudgetBytes=-1");
        assertThat(builder.build().directCompactionBudgetBytes())
                .isEqualTo(CompactingHeap.DEFAULT_DIRECT_COMPACTION_BUDGET_BYTES);
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private static int addressOf(CompactingHeap heap, long handle) {
        return heap.address(handle, 0, 0);
    }
}
