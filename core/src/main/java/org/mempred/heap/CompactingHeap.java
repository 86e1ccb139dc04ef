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
 *  handle (slot:gen) --&gt; sub-arena holding slot: lock, HandleTable.start[slot - base] --&gt; global granule g
 *                                                        |                              --&gt; arena[g*16 .. g*16+size)
 *                          same sub-arena: BlockTable.size/prev/owner[g - base], TLSF lists
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
 * <p><b>Threads</b>: every operation is safe from any thread, and keeps every guarantee while
 * others run: handles stay valid across a move, pinned blocks never move, a block's bytes are only
 * ever those written to it, and an OOM event is one no sub-arena could serve at that instant. The
 * unit of locking is the sub-arena ({@link SubArena#lock}), since it is already the unit of
 * everything else — free lists, block records, compactors, and (here) handle slots and counters:
 * <ul>
 *   <li>A block never leaves its sub-arena and its handle's slot names that sub-arena, so free,
 *       pin, read and write hold the lock of that one sub-arena, found from the handle alone.
 *   <li>An allocating thread tries its home sub-arena, then the others one lock at a time
 *       ({@link Allocator}, homes in {@link SubArenas}); a heap of several sub-arenas thus serves
 *       several threads at once, each in its own part. Only a request no sub-arena can serve takes
 *       every lock, to compact directly and to classify its failure over the whole arena.
 *   <li>A compaction asked of the heap holds each sub-arena's lock only while it works there, so
 *       threads go on allocating and freeing in the others; a direct compaction runs inside its
 *       request's every-lock step. The reserve, figures, {@link #stats()}, the block walk and
 *       {@link #invariants()} take every lock in index order, so each sees one instant.
 * </ul>
 * Why not a lock-free handle table or per-thread caches of free blocks: both would let a block's
 * address or a free block's state change outside the lock that compaction holds, and compaction
 * would have to chase them; a lock per sub-arena gives each thread a private heap as long as there
 * are no more threads than sub-arenas, at the cost of one uncontended lock per operation — the cost a
 * heap of one lock already paid. With one sub-arena (the default layout) there is one lock, and
 * the heap behaves, operation by operation, as a heap of one lock. Threads scale with
 * {@link ArenaLayout#even} sub-arenas, at the price of fences that free space cannot cross.
 * Measured (BENCHMARKS.md, "Many threads"): four threads, each in a sub-arena of its own, serve
 * fixed-size requests 10–11 × faster than through one lock; on a size mix whose cost is clearing
 * cold memory, which two cores share, no faster.
 *
 * <p><b>Costs</b>: allocate and free are O(1) plus the {@link LiveSummary} update (O(size / 1 KiB))
 * and allocate no Java objects (zero-filling, when on, is O(size)); sliding compaction is O(blocks visited
 * + bytes moved); evacuation is O(summary levels + blocks near the chosen window + bytes moved);
 * {@link #largestFreeBytes()} scans one free list per sub-arena; a set {@link #reserve()} adds
 * that scan, and with several sub-arenas every lock, to each allocation. Metadata costs 20 bytes per 16-byte granule plus one bit (block starts) and
 * 1/128 byte (live summary), outside the arena.
 */
public final class CompactingHeap {
    /** The design's default arena: 100 KiB. */
    public static final int DEFAULT_CAPACITY_BYTES = 102_400;
    /** The design's default direct-compaction budget: 16 KiB moved. */
    public static final int DEFAULT_DIRECT_COMPACTION_BUDGET_BYTES = 16 * 1024;
    /** Largest supported arena, 1 GiB. */
    public static final int MAX_CAPACITY_BYTES = ArenaLayout.MAX_CAPACITY_BYTES;

    private final byte[] arena;
    private final int capacityBytes;
    private final int directCompactionBudgetBytes;
    private final ArenaLayout layout;
    private final SubArenas space;
    private final CompactionRunner runner;
    private final Allocator allocator;
    private final TypedAccess typed;
    private final BlockAccess blocks;
    private final Reserve reserve;
    private final boolean zeroFill;
    /** The request each thread's shorthands ({@link #tryAllocate}, {@link #allocate(int, AllocationMode)}) fill when they need one. */
    private final ThreadLocal<AllocationRequest> shorthand = ThreadLocal.withInitial(AllocationRequest::new);

    private volatile DirectCompaction directCompaction;

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
        this.layout = layout;
        this.space = new SubArenas(layout, arena);
        this.runner = new CompactionRunner(space, space.heapWide, false);
        this.directCompaction = directCompaction;
        this.reserve = new Reserve(capacityBytes, space, runner);
        this.zeroFill = zeroFill;
        CompactionRunner direct = new CompactionRunner(space, space.heapWide, true);
        this.allocator = new Allocator(arena, space, direct, reserve, directCompactionBudgetBytes, zeroFill);
        this.typed = new TypedAccess(space, arena);
        this.blocks = new BlockAccess(space, arena, allocator);
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
        this.directCompaction = Objects.requireNonNull(form, "form");
    }

    /** The form of direct compaction requests run now. */
    public DirectCompaction directCompaction() {
        return directCompaction;
    }

    /**
     * Places blocks by the lifetime {@code predictor} predicts, each class in its address span
     * ({@link LifetimeSpans}), or by plain TLSF good fit when {@code null} (the default).
     *
     * @throws IllegalStateException when the heap holds blocks (placement is chosen before use)
     */
    public void setPlacement(LifetimePredictor predictor) {
        space.lockAll();
        try {
            int live = space.liveBlocks();
            if (live > 0) {
                throw new IllegalStateException(
                        "placement is set on an empty heap; this one holds " + live + " blocks");
            }
            allocator.place(predictor == null ? null : new LifetimeSpans(predictor));
        } finally {
            space.unlockAll();
        }
    }

    /** What the lifetime placement did so far, empty without one. */
    public Optional<PlacementStats> placementStats() {
        LifetimeSpans spans = allocator.spans();
        return spans == null ? Optional.empty() : Optional.of(spans.stats());
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
        return allocator.allocate(request, directCompaction);
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
        long handle = allocator.allocateAtHome(sizeBytes);
        if (handle != Handles.NONE) {
            return handle;
        }
        return allocator
                .allocate(shorthand.get().of(sizeBytes, mode), directCompaction)
                .handle();
    }

    /** Allocates like {@link #tryAllocate}, but a failure throws {@link AllocationFailedException} (still counted). */
    public long allocate(int sizeBytes, AllocationMode mode) {
        Objects.requireNonNull(mode, "mode");
        long handle = tryAllocate(sizeBytes, mode);
        if (handle == Handles.NONE) {
            // the failed request's outcome is this thread's shorthand's, untouched since
            OomKind kind = shorthand.get().outcome().oomKind().orElseThrow();
            throw new AllocationFailedException(sizeBytes, mode, kind, freeBytes(), largestFreeBytes());
        }
        return handle;
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
        blocks.free(handle, nowNanos);
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
        return runner.slide(maxBytesMoved);
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
        CompactionResult result = runner.evacuate(Granules.of(targetBytes), maxBytesMoved);
        reserve.acknowledge(); // after the evacuation: a wake-up raised while it ran is the one it answered
        return result;
    }

    /** The reserve target and its wake-up (see {@link Reserve}). */
    public Reserve reserve() {
        return reserve;
    }

    // ---------------------------------------------------------------- access

    /** The requested size of a live block, in bytes: the extent that can be read and written. */
    public int sizeOf(long handle) {
        return blocks.sizeOf(handle);
    }

    /** Whether {@code handle} names a live block of this heap. */
    public boolean isLive(long handle) {
        return blocks.isLive(handle);
    }

    /**
     * Copies {@code length} bytes from {@code src[srcOffset..]} into the block at {@code offset}.
     *
     * @throws IndexOutOfBoundsException when either range is out of bounds (nothing is written)
     */
    public void write(long handle, int offset, byte[] src, int srcOffset, int length) {
        Objects.checkFromIndexSize(srcOffset, length, src.length);
        blocks.write(handle, offset, src, srcOffset, length);
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
        blocks.read(handle, offset, dst, dstOffset, length);
    }

    /** A copy of the block's whole readable extent. */
    public byte[] readAll(long handle) {
        return blocks.readAll(handle);
    }

    /** Typed reads and writes (byte, int, long) of this heap's blocks. */
    public TypedAccess typed() {
        return typed;
    }

    /** Arena index of {@code offset} in the block, after checking {@code [offset, offset+length)}: where it is now. */
    int address(long handle, int offset, int length) {
        return blocks.address(handle, offset, length);
    }

    // ---------------------------------------------------------------- pinning

    /** Pins a block: it will not move until unpinned as often as pinned, and cannot be freed. */
    public void pin(long handle) {
        blocks.pin(handle);
    }

    /** Drops one pin ({@link IllegalStateException} when the block is not pinned). */
    public void unpin(long handle) {
        blocks.unpin(handle);
    }

    /** Whether the block is pinned. */
    public boolean isPinned(long handle) {
        return blocks.isPinned(handle);
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
        return capacityBytes - freeBytes();
    }

    /** Bytes in free blocks. */
    public int freeBytes() {
        space.lockAll();
        try {
            return space.freeGranules() << Granules.SHIFT;
        } finally {
            space.unlockAll();
        }
    }

    /** Size of the largest free block in bytes (0 when full). */
    public int largestFreeBytes() {
        space.lockAll();
        try {
            return space.largestFreeGranules() << Granules.SHIFT;
        } finally {
            space.unlockAll();
        }
    }

    /** Number of free blocks. */
    public int freeBlockCount() {
        space.lockAll();
        try {
            return space.freeBlockCount();
        } finally {
            space.unlockAll();
        }
    }

    /** Used bytes over capacity, in [0, 1]. */
    public double pressure() {
        return (double) usedBytes() / capacityBytes;
    }

    /** {@code 1 - largestFree/free}; 0 when nothing is free. */
    public double fragmentation() {
        space.lockAll();
        try {
            int free = space.freeGranules();
            return Granules.fragmentation(space.largestFreeGranules(), free);
        } finally {
            space.unlockAll();
        }
    }

    /** A consistent snapshot of accounting and counters. */
    public HeapStats stats() {
        space.lockAll();
        try {
            int free = space.freeGranules() << Granules.SHIFT;
            return space.counters()
                    .snapshot(
                            capacityBytes,
                            free,
                            space.largestFreeGranules() << Granules.SHIFT,
                            space.freeBlockCount(),
                            space.liveBlocks(),
                            space.pinnedBlocks(),
                            space.contiguousByClass());
        } finally {
            space.unlockAll();
        }
    }

    /**
     * Checks every structural invariant (see {@link HeapInvariants}) with a full walk.
     *
     * @throws IllegalStateException naming the first violation found
     */
    public void invariants() {
        space.lockAll();
        try {
            space.check();
        } finally {
            space.unlockAll();
        }
    }

    /**
     * Visits the blocks in address order with every lock held (for maps and diagnostics); free
     * blocks on either side of a fence are visited as two. The visitor may read the heap, but
     * must not compact it (a compaction takes its own lock before the sub-arenas').
     */
    public void forEachBlock(BlockVisitor visitor) {
        space.lockAll();
        try {
            space.forEachBlock(visitor);
        } finally {
            space.unlockAll();
        }
    }

    /** How the arena is cut into sub-arenas. */
    public ArenaLayout layout() {
        return layout;
    }
}
