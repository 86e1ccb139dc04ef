package org.mempred.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad input gets a clear exception naming the value, and leaves the heap unchanged. */
class BadInputTest {
    private CompactingHeap heap;
    private final List<Long> live = new ArrayList<>();
    private long pinned;
    private long freed;

    @BeforeEach
    void fillHeapWithKnownContents() {
        heap = new CompactingHeap(4096);
        for (int i = 0; i < 20; i++) {
            long h = heap.allocate(17 + i * 5, AllocationMode.ATOMIC);
            byte[] bytes = new byte[heap.sizeOf(h)];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = (byte) (i * 31 + j);
            }
            heap.write(h, 0, bytes);
            live.add(h);
        }
        freed = live.remove(3);
        heap.free(freed);
        pinned = live.get(5);
        heap.pin(pinned);
    }

    /** Runs {@code action}, expects it to throw, and checks that nothing in the heap changed. */
    private void assertRejectedUnchanged(Runnable action, Class<? extends Throwable> type, String... messageParts) {
        HeapStats before = heap.stats();
        List<byte[]> contents = new ArrayList<>();
        for (long h : live) {
            contents.add(heap.readAll(h));
        }
        assertThatThrownBy(action::run).isInstanceOf(type).message().contains(messageParts);
        heap.invariants();
        assertThat(heap.stats()).isEqualTo(before);
        for (int i = 0; i < live.size(); i++) {
            assertThat(heap.readAll(live.get(i))).isEqualTo(contents.get(i));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void nonPositiveSizeIsRejected(int size) {
        assertRejectedUnchanged(
                () -> heap.tryAllocate(size, AllocationMode.MAY_COMPACT),
                IllegalArgumentException.class,
                "size=" + size,
                "positive");
        assertRejectedUnchanged(
                () -> heap.allocate(size, AllocationMode.ATOMIC), IllegalArgumentException.class, "size=" + size);
    }

    @Test
    void sizeAboveCapacityIsRejected() {
        assertRejectedUnchanged(
                () -> heap.tryAllocate(4097, AllocationMode.MAY_COMPACT),
                IllegalArgumentException.class,
                "size=4097",
                "capacityBytes=4096");
    }

    @Test
    void doubleFreeIsRejected() {
        assertRejectedUnchanged(() -> heap.free(freed), InvalidHandleException.class, "stale", "double free");
    }

    @Test
    void staleHandleIsRejectedEvenAfterItsSlotIsReused() {
        long reuse = heap.allocate(16, AllocationMode.ATOMIC);
        live.add(reuse);
        assertThat(Handles.slot(reuse)).isEqualTo(Handles.slot(freed));
        assertRejectedUnchanged(() -> heap.readAll(freed), InvalidHandleException.class, Handles.format(freed));
        assertRejectedUnchanged(() -> heap.typed().putInt(freed, 0, 1), InvalidHandleException.class, "stale");
    }

    @Test
    void forgedHandlesAreRejected() {
        long neverIssuedSlot = Handles.of(1000, 1);
        long futureGeneration = Handles.of(Handles.slot(live.get(0)), 77);
        assertRejectedUnchanged(() -> heap.free(neverIssuedSlot), InvalidHandleException.class, "never issued");
        assertRejectedUnchanged(() -> heap.free(futureGeneration), InvalidHandleException.class, "never issued");
        assertRejectedUnchanged(() -> heap.free(Handles.NONE), InvalidHandleException.class, "never issued");
        assertRejectedUnchanged(() -> heap.pin(-1L), InvalidHandleException.class, "never issued");
    }

    @Test
    void accessPastTheBlockEndIsRejected() {
        long h = live.get(0);
        int size = heap.sizeOf(h);
        byte[] buffer = new byte[64];
        assertRejectedUnchanged(
                () -> heap.write(h, size - 2, buffer, 0, 3),
                IndexOutOfBoundsException.class,
                "offset=" + (size - 2),
                "length=3",
                "size=" + size);
        assertRejectedUnchanged(() -> heap.read(h, size, buffer, 0, 1), IndexOutOfBoundsException.class, "size=");
        assertRejectedUnchanged(() -> heap.typed().getLong(h, size - 4), IndexOutOfBoundsException.class, "length=8");
        assertRejectedUnchanged(
                () -> heap.typed().putLong(h, size - 7, 1L), IndexOutOfBoundsException.class, "offset=");
    }

    @Test
    void negativeOffsetOrLengthIsRejected() {
        long h = live.get(1);
        byte[] buffer = new byte[8];
        assertRejectedUnchanged(() -> heap.write(h, -1, buffer, 0, 1), IndexOutOfBoundsException.class, "offset=-1");
        assertRejectedUnchanged(() -> heap.read(h, 0, buffer, 0, -1), IndexOutOfBoundsException.class, "-1");
        assertRejectedUnchanged(() -> heap.typed().getByte(h, -5), IndexOutOfBoundsException.class, "offset=-5");
        assertRejectedUnchanged(() -> heap.write(h, 0, buffer, 4, 5), IndexOutOfBoundsException.class, "4");
    }

    @Test
    void unpinOfUnpinnedBlockIsRejected() {
        long h = live.get(0);
        assertRejectedUnchanged(() -> heap.unpin(h), IllegalStateException.class, Handles.format(h), "not pinned");
    }

    @Test
    void freeOfPinnedBlockIsRejected() {
        assertRejectedUnchanged(() -> heap.free(pinned), IllegalStateException.class, "pinned", "pins=1");
    }

    @Test
    void negativeCompactionBudgetIsRejected() {
        assertRejectedUnchanged(() -> heap.compact(-1), IllegalArgumentException.class, "maxBytesMoved=-1");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -16, 15, 100, 1_000_001, (1 << 30) + 16})
    void capacityMustBeAPositiveMultipleOfTheGranule(int capacity) {
        assertThatThrownBy(() -> new CompactingHeap(capacity))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacityBytes=" + capacity)
                .hasMessageContaining("multiple of 16");
    }

    @Test
    void malformedHandleTextIsRejected() {
        assertThatThrownBy(() -> Handles.parse("12")).hasMessageContaining("handle='12'");
        assertThatThrownBy(() -> Handles.parse("a:b")).hasMessageContaining("slot:generation");
        assertThat(Handles.parse(Handles.format(live.get(2)))).isEqualTo(live.get(2));
    }
}
