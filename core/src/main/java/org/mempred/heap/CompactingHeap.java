package org.mempred.heap;

import java.util.Objects;
import java.util.Optional;
import org.mempred.lifetime.LifetimePredictor;

/**
 * A compacting heap: a contiguous arena of {@code capacityBytes} managed by TLSF, reached only
 * through handles so that compaction can move any unpinned block. The heap is a façade over one
 * or more range-scoped sub-arenas ({@link ArenaLayout}); each has free lists, block records, live
 * summary and compactors of its own, so no block crosses a fence between two of them.
 *
 * <pre>
 *  handle (slot:gen) --&gt; HandleTable.start[slot] --&gt; global granule g --&gt; arena[g*16 .. g*16+size)
 *                                                        |
 *                          sub-arena holding g: BlockTable.size/prev/owner[g - base], TLSF lists
 * </pre>
 *
 * <p><b>Allocation semantics</b> (the design's definition of an OOM event). A request
 * ({@link #allocate(AllocationRequest)}, the one entry point; {@link #tryAllocate} and
 * {@link #allocate(int, AllocationMode)} are shorthands for callers that run no governor) of
 * {@code size} bytes takes {@code ceil(size/16)} granules in a sub-arena and is served in this order:
 * <ol>
 *   <li>TLSF finds a free block: success.
 *   <li>Otherwise, when the request is {@link AllocationMode#MAY_COMPACT} and total free space
 *       would hold it, direct compaction runs in the sub-arena with a budget of
 *       {@code directCompactionBudgetBytes} and the request is retried once. By default it is an
 *       evacuation for the request's size ({@link #compactFor}), and when no window can be
 *       emptied within the budget, a slide from address 0 with what is left of it (so evacuation
 *       never serves fewer requests for want of a window than the slide alone would);
 *       {@link DirectCompaction#SLIDE} slides alone. When total free space is too small, compaction
 *       cannot help and is skipped (as Linux's {@code compaction_suitable()} does).
 *   <li>Otherwise the request fails: one OOM event, classified {@link OomKind#FRAGMENTATION} or
 *       {@link OomKind#EXHAUSTION}.
 * </ol>
 * New blocks are zero-filled by default, so no block ever shows bytes of an earlier one; a heap
 * built with {@link HeapBuilder#zeroFill(boolean) zeroFill(false)} leaves a new block's contents
 * unspecified (see {@link HeapBuilder} for the default and why). Everything the
 * request did comes back in its {@link Allocation}: the handle or the failure's kind, the direct
 * compactions it ran, and whether it raised the reserve's wake-up, which the caller passes on to
 * the governor.
 *
 * <p><b>Invariants</b>: see {@link HeapInvariants}, checked by {@link #invariants()}. Bad input
 * (bad sizes, freed or made-up handles, out-of-range reads and writes, unpinning an unpinned
 * block, freeing a pinned one) throws before anything changes.
 *
 * <p><b>Threads</b>: every operation holds one private lock, so compaction may run on one thread
 * while others read and write through handles; a handle stays valid across a move.
 *
 * <p><b>Costs</b>: allocate and free are O(1) plus the {@link LiveSummary} update (O(size / 1 KiB))
 * and allocate no Java objects (zero-filling, when on, is O(size)); sliding compaction is O(blocks visited
 * + bytes moved); evacuation is O(summary levels + blocks near the chosen window + bytes moved);
 * {@link #largestFreeBytes()} scans one free list per sub-arena; a set {@link #reserve()} adds
 * that scan to each allocation. Metadata costs 20 bytes per 16-byte granule plus one bit (block starts) and
 * 1/128 byte (live summary), outside the arena.
 */
public final class CompactingHeap {
    /** The design's default arena: 100 KiB. */
    public static final int DEFAULT_CAPACITY_BYTES = 102_400;
    /** The design's default direct-compaction budget: 16 KiB moved. */
    public static final int DEFAULT_DIRECT_COMPACTION_BUDGET_BYTES = 16 * 1024;
    /** Largest supported arena, 1 GiB. */
    public static final int MAX_CAPACITY_BYTES = ArenaLayout.MAX_CAPACITY_BYTES;

    private final Object lock = new Object();
    private final byte[] arena;
    private final int capacityBytes;
    private final int directCompactionBudgetBytes;
    private final HandleTable handles;
    private final ArenaLayout layout;
    private final SubArenas space;
    private final CompactionRunner runner;
    private final Allocator allocator;
    private final TypedAccess typed;
    private final HeapCounters counters = new HeapCounters();
    private final Reserve reserve;
    private final boolean zeroFill;
    /** The request the shorthands {@link #tryAllocate} and {@link #allocate(int, AllocationMode)} fill, under the lock. */
    private final AllocationRequest shorthand = new AllocationRequest();

    private DirectCompaction directCompaction;

    /** A heap of {@code capacityBytes} with the default direct-compaction budget. */
    public CompactingHeap(int capacityBytes) {
        this(capacityBytes, DEFAULT_DIRECT_COMPACTION_BUDGET_BYTES);
    }

    /** As {@link #CompactingHeap(int, int, DirectCompaction)} with evacuation as direct compaction. */
    public CompactingHeap(int capacityBytes, int directCompactionBudgetBytes) {
        this(capacityBytes, directCompactionBudgetBytes, DirectCompaction.EVACUATE);
    }

    /**
     * A heap of {@code capacityBytes} whose direct compaction moves at most
     * {@code directCompactionBudgetBytes} per failed request, in the given form.
     *
     * @throws IllegalArgumentException when capacity is not a positive multiple of 16 up to 1 GiB,
     *     or the budget is negative
     */
    public CompactingHeap(int capacityBytes, int directCompactionBudgetBytes, DirectCompaction directCompaction) {
        this(ArenaLayout.checkedSingle(capacityBytes), directCompactionBudgetBytes, directCompaction);
    }

    /** A heap cut into the sub-arenas of {@code layout}, otherwise as above (a negative budget throws). */
    public CompactingHeap(ArenaLayout layout, int directCompactionBudgetBytes, DirectCompaction directCompaction) {
        this(layout, directCompactionBudgetBytes, directCompaction, true);
    }

    /** The heap {@link HeapBuilder#build()} makes: as above, zero-filling new blocks when {@code zeroFill}. */
    CompactingHeap(
            ArenaLayout layout, int directCompactionBudgetBytes, DirectCompaction directCompaction, boolean zeroFill) {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(directCompaction, "directCompaction");
        if (directCompactionBudgetBytes < 0) {
            throw new IllegalArgumentException(
                    "directCompactionBudgetBytes=" + directCompactionBudgetBytes + " must be >= 0");
        }
        this.capacityBytes = layout.capacityBytes();
        this.directCompactionBudgetBytes = directCompactionBudgetBytes;
        this.arena = new byte[capacityBytes];
        this.handles = new HandleTable(capacityBytes >>> Granules.SHIFT);
        this.layout = layout;
        this.space = new SubArenas(layout, arena, handles);
        this.runner = new CompactionRunner(space, counters);
        this.directCompaction = directCompaction;
        this.reserve = new Reserve(lock, capacityBytes, space, runner);
        this.zeroFill = zeroFill;
        this.allocator =
                new Allocator(arena, handles, space, runner, counters, reserve, directCompactionBudgetBytes, zeroFill);
        this.typed = new TypedAccess(this, lock, arena);
    }

    /** A builder of a heap of {@code capacityBytes} with the default settings (a bad capacity throws, as above). */
    public static HeapBuilder builder(int capacityBytes) {
        return new HeapBuilder(ArenaLayout.checkedSingle(capacityBytes));
    }

    /** A builder of a heap cut into the sub-arenas of {@code layout}, with the default settings. */
    public static HeapBuilder builder(ArenaLayout layout) {
        return new HeapBuilder(layout);
    }

    /** Sets the form of direct compaction from the next request on (a governor passes its policy's choice). */
    public void setDirectCompaction(DirectCompaction form) {
        Objects.requireNonNull(form, "form");
        synchronized (lock) {
            this.directCompaction = form;
        }
    }

    /** The form of direct compaction requests run now. */
    public DirectCompaction directCompaction() {
        synchronized (lock) {
            return directCompaction;
        }
    }

    /**
     * Places blocks by the lifetime {@code predictor} predicts, each class in its address span
     * ({@link LifetimeSpans}), or by plain TLSF good fit when {@code null} (the default).
     *
     * @throws IllegalStateException when the heap holds blocks (placement is chosen before use)
     */
    public void setPlacement(LifetimePredictor predictor) {
        synchronized (lock) {
            if (handles.live() > 0) {
                throw new IllegalStateException(
                        "placement is set on an empty heap; this one holds " + handles.live() + " blocks");
            }
            allocator.place(predictor == null ? null : new LifetimeSpans(predictor));
        }
    }

    /** What the lifetime placement did so far, empty without one. */
    public Optional<PlacementStats> placementStats() {
        synchronized (lock) {
            LifetimeSpans spans = allocator.spans();
            return spans == null ? Optional.empty() : Optional.of(spans.stats());
        }
    }

    // ---------------------------------------------------------------- allocation

    /**
     * Serves {@code request} with the design's semantics and returns its outcome (the request's
     * own {@link AllocationRequest#outcome()}, refilled): the new block's handle or the
     * kind of OOM event, the direct compactions run, and whether the reserve's wake-up was raised.
     *
     * @throws IllegalArgumentException when the request's size is not in {@code [1, capacityBytes]}
     *     (nothing changes, nothing is counted)
     */
    public Allocation allocate(AllocationRequest request) {
        ArenaLayout.checkRequest(capacityBytes, request.sizeBytes());
        synchronized (lock) {
            return allocator.allocate(request, directCompaction);
        }
    }

    /**
     * Allocates {@code sizeBytes} (zero-filled unless built otherwise), a shorthand of {@link #allocate(AllocationRequest)}
     * for callers that run no governor (a wake-up it raises stays pending for the next tick).
     *
     * @return the new block's handle, or {@link Handles#NONE} when the request failed (an OOM event)
     * @throws IllegalArgumentException when {@code sizeBytes} is not in {@code [1, capacityBytes]}
     */
    public long tryAllocate(int sizeBytes, AllocationMode mode) {
        Objects.requireNonNull(mode, "mode");
        ArenaLayout.checkRequest(capacityBytes, sizeBytes);
        synchronized (lock) {
            return allocator
                    .allocate(shorthand.of(sizeBytes, mode), directCompaction)
                    .handle();
        }
    }

    /** Allocates like {@link #tryAllocate}, but a failure throws {@link AllocationFailedException} (still counted). */
    public long allocate(int sizeBytes, AllocationMode mode) {
        Objects.requireNonNull(mode, "mode");
        ArenaLayout.checkRequest(capacityBytes, sizeBytes);
        synchronized (lock) {
            Allocation outcome = allocator.allocate(shorthand.of(sizeBytes, mode), directCompaction);
            if (!outcome.succeeded()) {
                throw new AllocationFailedException(
                        sizeBytes, mode, outcome.oomKind().orElseThrow(), freeBytes(), largestFreeBytes());
            }
            return outcome.handle();
        }
    }

    /**
     * Frees a block; its handle goes stale. A freed (double free), never issued or made-up handle
     * throws {@link InvalidHandleException}; a pinned block {@link IllegalStateException}.
     */
    public void free(long handle) {
        free(handle, Long.MIN_VALUE);
    }

    /** Frees a block at the caller's time (a lifetime placement learns from it), as {@link #free(long)}. */
    public void free(long handle, long nowNanos) {
        synchronized (lock) {
            int slot = handles.slotOf(handle);
            if (handles.isPinned(slot)) {
                throw new IllegalStateException("cannot free handle " + Handles.format(handle)
                        + ": block is pinned (pins=" + handles.pins(slot) + ")");
            }
            allocator.free(slot, nowNanos);
        }
    }

    // ---------------------------------------------------------------- compaction

    /** Full compaction: slides every unpinned block down, each inside its sub-arena. */
    public CompactionResult compact() {
        return compact(Long.MAX_VALUE);
    }

    /**
     * Budgeted compaction: slides unpinned blocks down, in address order, while the bytes copied
     * stay within {@code maxBytesMoved}; a block that would overrun the budget stays put.
     *
     * @throws IllegalArgumentException when {@code maxBytesMoved} is negative
     */
    public CompactionResult compact(long maxBytesMoved) {
        if (maxBytesMoved < 0) {
            throw new IllegalArgumentException("maxBytesMoved=" + maxBytesMoved + " must be >= 0");
        }
        synchronized (lock) {
            return runner.slide(maxBytesMoved);
        }
    }

    /**
     * Evacuation: makes one free block of at least {@code targetBytes} by emptying the cheapest
     * pin-free window and re-placing its live blocks elsewhere (see {@link Evacuator}), moving at
     * most {@code maxBytesMoved}. Does nothing when such a block already exists, or when no window
     * fits the budget. Clears a pending reserve wake-up.
     *
     * @return what was moved, and whether a free block of at least {@code targetBytes} now exists
     * @throws IllegalArgumentException when {@code targetBytes} is not in {@code [1, capacityBytes]}
     *     or {@code maxBytesMoved} is negative
     */
    public CompactionResult compactFor(int targetBytes, long maxBytesMoved) {
        ArenaLayout.checkRequest(capacityBytes, targetBytes);
        if (maxBytesMoved < 0) {
            throw new IllegalArgumentException("maxBytesMoved=" + maxBytesMoved + " must be >= 0");
        }
        synchronized (lock) {
            reserve.acknowledgeLocked();
            return runner.evacuate(Granules.of(targetBytes), maxBytesMoved);
        }
    }

    /** The reserve target and its wake-up (see {@link Reserve}). */
    public Reserve reserve() {
        return reserve;
    }

    // ---------------------------------------------------------------- access

    /** The requested size of a live block, in bytes: the extent that can be read and written. */
    public int sizeOf(long handle) {
        synchronized (lock) {
            return handles.size(handles.slotOf(handle));
        }
    }

    /** Whether {@code handle} names a live block of this heap. */
    public boolean isLive(long handle) {
        synchronized (lock) {
            return handles.names(handle);
        }
    }

    /**
     * Copies {@code length} bytes from {@code src[srcOffset..]} into the block at {@code offset}.
     *
     * @throws IndexOutOfBoundsException when either range is out of bounds (nothing is written)
     */
    public void write(long handle, int offset, byte[] src, int srcOffset, int length) {
        Objects.checkFromIndexSize(srcOffset, length, src.length);
        synchronized (lock) {
            System.arraycopy(src, srcOffset, arena, address(handle, offset, length), length);
        }
    }

    /** Copies all of {@code src} into the block at {@code offset}. */
    public void write(long handle, int offset, byte[] src) {
        write(handle, offset, src, 0, src.length);
    }

    /**
     * Copies {@code length} bytes of the block from {@code offset} into {@code dst[dstOffset..]}.
     *
     * @throws IndexOutOfBoundsException when either range is out of bounds (nothing is read)
     */
    public void read(long handle, int offset, byte[] dst, int dstOffset, int length) {
        Objects.checkFromIndexSize(dstOffset, length, dst.length);
        synchronized (lock) {
            System.arraycopy(arena, address(handle, offset, length), dst, dstOffset, length);
        }
    }

    /** A copy of the block's whole readable extent. */
    public byte[] readAll(long handle) {
        synchronized (lock) {
            byte[] copy = new byte[handles.size(handles.slotOf(handle))];
            read(handle, 0, copy, 0, copy.length);
            return copy;
        }
    }

    /** Typed reads and writes (byte, int, long) of this heap's blocks. */
    public TypedAccess typed() {
        return typed;
    }

    /** Arena index of {@code offset} in the block, after checking {@code [offset, offset+length)}. */
    int address(long handle, int offset, int length) {
        int slot = handles.slotOf(handle);
        int size = handles.size(slot);
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new IndexOutOfBoundsException("offset=" + offset + " length=" + length
                    + " out of bounds for block of size=" + size + " (handle " + Handles.format(handle) + ")");
        }
        return (handles.start(slot) << Granules.SHIFT) + offset;
    }

    // ---------------------------------------------------------------- pinning

    /** Pins a block: it will not move until unpinned as often as pinned, and cannot be freed. */
    public void pin(long handle) {
        synchronized (lock) {
            allocator.pin(handles.slotOf(handle));
        }
    }

    /** Drops one pin ({@link IllegalStateException} when the block is not pinned). */
    public void unpin(long handle) {
        synchronized (lock) {
            allocator.unpin(handle, handles.slotOf(handle));
        }
    }

    /** Whether the block is pinned. */
    public boolean isPinned(long handle) {
        synchronized (lock) {
            return handles.isPinned(handles.slotOf(handle));
        }
    }

    // ---------------------------------------------------------------- accounting

    /** Arena size in bytes. */
    public int capacityBytes() {
        return capacityBytes;
    }

    /** Whether new blocks are zero-filled (see {@link HeapBuilder#zeroFill(boolean)}). */
    public boolean zeroFill() {
        return zeroFill;
    }

    /** Bytes moved at most by one direct compaction. */
    public int directCompactionBudgetBytes() {
        return directCompactionBudgetBytes;
    }

    /** Bytes held by live blocks (rounded to granules). */
    public int usedBytes() {
        synchronized (lock) {
            return capacityBytes - (space.freeGranules() << Granules.SHIFT);
        }
    }

    /** Bytes in free blocks. */
    public int freeBytes() {
        synchronized (lock) {
            return space.freeGranules() << Granules.SHIFT;
        }
    }

    /** Size of the largest free block in bytes (0 when full). */
    public int largestFreeBytes() {
        synchronized (lock) {
            return space.largestFreeGranules() << Granules.SHIFT;
        }
    }

    /** Number of free blocks. */
    public int freeBlockCount() {
        synchronized (lock) {
            return space.freeBlockCount();
        }
    }

    /** Used bytes over capacity, in [0, 1]. */
    public double pressure() {
        return (double) usedBytes() / capacityBytes;
    }

    /** {@code 1 - largestFree/free}; 0 when nothing is free. */
    public double fragmentation() {
        synchronized (lock) {
            int free = space.freeGranules();
            return Granules.fragmentation(space.largestFreeGranules(), free);
        }
    }

    /** A consistent snapshot of accounting and counters. */
    public HeapStats stats() {
        synchronized (lock) {
            int free = space.freeGranules() << Granules.SHIFT;
            return counters.snapshot(
                    capacityBytes,
                    free,
                    space.largestFreeGranules() << Granules.SHIFT,
                    space.freeBlockCount(),
                    handles.live(),
                    handles.pinned(),
                    contiguousByClass());
        }
    }

    private long[] contiguousByClass() {
        long[] contiguous = new long[SizeClasses.COUNT];
        for (int c = 0; c < SizeClasses.COUNT; c++) {
            contiguous[c] = space.contiguousBytes(c);
        }
        return contiguous;
    }

    /**
     * Checks every structural invariant (see {@link HeapInvariants}) with a full walk.
     *
     * @throws IllegalStateException naming the first violation found
     */
    public void invariants() {
        synchronized (lock) {
            space.check(handles);
        }
    }

    /**
     * Visits the blocks in address order under the lock (for maps and diagnostics); free blocks on
     * either side of a fence are visited as two.
     */
    public void forEachBlock(BlockVisitor visitor) {
        synchronized (lock) {
            space.forEachBlock(handles, visitor);
        }
    }

    /** How the arena is cut into sub-arenas. */
    public ArenaLayout layout() {
        return layout;
    }
}
