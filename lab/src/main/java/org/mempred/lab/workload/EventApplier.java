package org.mempred.lab.workload;

import com.carrotsearch.hppc.LongLongHashMap;
import com.carrotsearch.hppc.cursors.LongCursor;
import java.util.Objects;
import java.util.function.Function;
import org.mempred.heap.Allocation;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.AllocationRequest;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.Handles;
import org.mempred.lifetime.LifetimePredictor;

/**
 * Applies workload events to a heap: the one place where an {@link EventStream}'s ids become heap
 * handles and its events become heap requests, used by the simulator (on the virtual clock) and by
 * the shell's live workload (on the real clock), so both treat a workload the same way. An
 * allocation carries the event's time; its {@link Allocation} outcome goes back to the caller,
 * which charges its direct compactions and passes a reserve wake-up on to the governor.
 *
 * <pre>
 *   ALLOCATE id size atomic   allocate(request: size, ATOMIC | MAY_COMPACT, time); id -&gt; handle if served
 *   FREE id                   handle of id freed and forgotten
 *   PIN id / UNPIN id         handle of id pinned / unpinned
 * </pre>
 *
 * <p><b>Open loop.</b> A failed allocation (an OOM event) leaves its id unmapped, so the id's later
 * free, pin and unpin are no-ops ({@link EventStream}). Allocating an id that is still mapped is a
 * broken stream and throws.
 *
 * <p><b>The map.</b> Ids map to handles in a primitive hash map ({@link IdMaps}): no boxing, no
 * allocation per operation, and memory that follows the blocks live at once.
 *
 * <p><b>Cost</b> per event: one heap operation and one or two map probes. Not thread-safe: one
 * thread applies a stream.
 */
public final class EventApplier {
    private final CompactingHeap heap;
    private final Function<AllocationRequest, Allocation> allocator;
    private final AllocationRequest request = new AllocationRequest();
    private final LongLongHashMap handles = IdMaps.toLong();

    /** An applier with no blocks yet, for {@code heap}. */
    public EventApplier(CompactingHeap heap) {
        this(heap, heap::allocate);
    }

    /**
     * An applier for {@code heap} whose allocations go through {@code allocator} (a live system
     * that wakes its governor's thread, say), which must serve them from {@code heap}.
     */
    public EventApplier(CompactingHeap heap, Function<AllocationRequest, Allocation> allocator) {
        this.heap = Objects.requireNonNull(heap, "heap");
        this.allocator = Objects.requireNonNull(allocator, "allocator");
    }

    /**
     * Applies {@code event}.
     *
     * @return for {@code ALLOCATE}, the new block's handle, or {@link Handles#NONE} when the
     *     request failed; for the other kinds, the handle acted on, or {@link Handles#NONE} when
     *     the id has no block (a no-op)
     * @throws IllegalStateException when {@code ALLOCATE} names an id that still has a block
     */
    public long apply(HeapEvent event) {
        long id = event.id();
        return switch (event.kind()) {
            case ALLOCATE -> allocate(event).handle();
            case FREE -> {
                int slot = handles.indexOf(id);
                if (!handles.indexExists(slot)) {
                    yield Handles.NONE;
                }
                long handle = handles.indexRemove(slot);
                heap.free(handle, event.timeNanos());
                yield handle;
            }
            case PIN -> {
                long handle = handleOf(id);
                if (handle != Handles.NONE) {
                    heap.pin(handle);
                }
                yield handle;
            }
            case UNPIN -> {
                long handle = handleOf(id);
                if (handle != Handles.NONE) {
                    heap.unpin(handle);
                }
                yield handle;
            }
        };
    }

    /**
     * Applies {@code event}, an {@code ALLOCATE}, at its time and with its site.
     *
     * @return the request's outcome, valid until the next allocation of this applier
     * @throws IllegalStateException when the event is no allocation, or names an id that still has
     *     a block
     */
    public Allocation allocate(HeapEvent event) {
        return allocate(event, LifetimePredictor.UNKNOWN);
    }

    /**
     * Applies {@code event}, an {@code ALLOCATE}, telling the heap the block's true lifetime (for
     * an oracle placement; {@link LifetimePredictor#UNKNOWN} otherwise).
     *
     * @return the request's outcome, valid until the next allocation of this applier
     * @throws IllegalStateException when the event is no allocation, or names an id that still has
     *     a block
     */
    public Allocation allocate(HeapEvent event, long trueLifetimeNanos) {
        long id = event.id();
        if (event.kind() != EventKind.ALLOCATE) {
            throw new IllegalStateException("event of id=" + id + " is a " + event.kind() + ", not an ALLOCATE");
        }
        int slot = handles.indexOf(id);
        if (handles.indexExists(slot)) {
            throw new IllegalStateException("workload allocated id=" + id + " twice without a free");
        }
        AllocationMode mode = event.atomic() ? AllocationMode.ATOMIC : AllocationMode.MAY_COMPACT;
        Allocation outcome = allocator.apply(request.of(event.sizeBytes(), mode)
                .site(event.site())
                .at(event.timeNanos())
                .trueLifetime(trueLifetimeNanos));
        if (outcome.succeeded()) {
            handles.indexInsert(slot, id, outcome.handle());
        }
        return outcome;
    }

    /** The handle of {@code id}'s block, or {@link Handles#NONE} when it has none. */
    public long handleOf(long id) {
        int slot = handles.indexOf(id);
        return handles.indexExists(slot) ? handles.indexGet(slot) : Handles.NONE;
    }

    /** Blocks held for the workload now. */
    public int blocks() {
        return handles.size();
    }

    /** Forgets {@code id}'s block without touching the heap (it was changed from outside). */
    public void forget(long id) {
        handles.remove(id);
    }

    /**
     * Gives the workload's memory back: unpins and frees every block still held and still live
     * (a block freed from outside is skipped), then forgets them all.
     */
    public void releaseAll() {
        for (LongCursor handle : handles.values()) {
            if (heap.isLive(handle.value)) {
                while (heap.isPinned(handle.value)) {
                    heap.unpin(handle.value);
                }
                heap.free(handle.value);
            }
        }
        handles.clear();
    }
}
