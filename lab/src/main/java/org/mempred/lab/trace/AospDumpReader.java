package org.mempred.lab.trace;

import com.carrotsearch.hppc.LongLongHashMap;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.mempred.heap.Granules;
import org.mempred.lab.workload.Characteristic;
import org.mempred.lab.workload.EventKind;
import org.mempred.lab.workload.HeapEvent;
import org.mempred.lab.workload.IdMaps;

/**
 * Streams an Android {@code memory_replay} dump (the text that bionic's malloc debug
 * {@code record_allocs} option writes, one allocator call a line) as {@code ALLOCATE} and
 * {@code FREE} events, each carrying the calling thread ({@link HeapEvent#threadId()}):
 *
 * <pre>
 *   &lt;tid&gt;: malloc   &lt;ptr&gt; &lt;size&gt;              [&lt;start_ns&gt; &lt;end_ns&gt;]
 *   &lt;tid&gt;: calloc   &lt;ptr&gt; &lt;nmemb&gt; &lt;size&gt;      request = nmemb * size (overflow: an error)
 *   &lt;tid&gt;: memalign &lt;ptr&gt; &lt;align&gt; &lt;size&gt;      the alignment is not modelled (16-byte granules)
 *   &lt;tid&gt;: realloc  &lt;new&gt; &lt;old&gt; &lt;size&gt;        FREE old, then ALLOCATE new (see below)
 *   &lt;tid&gt;: free     &lt;ptr&gt;
 *   &lt;tid&gt;: thread_done 0x0                     the thread ended: no event
 * </pre>
 *
 * <p>{@code tid}, sizes and times are decimal; pointers hexadecimal, with or without {@code 0x}.
 * Blank lines are skipped; fields are separated by spaces or tabs.
 *
 * <p><b>Blocks</b>: every allocation is a new block id (its ordinal, from 0), mapped from its
 * pointer while live: a pointer freed and returned again is a new block, as the program sees it.
 * A call that returned {@code 0x0} failed and allocates nothing; {@code free 0x0} is a no-op; a
 * free of a pointer that is not live is counted ({@link #unknownFrees}) and skipped, as for
 * {@code mempred-trace} ids. A pointer returned while still live is an error (the dump lost a
 * free, or is not in call order). {@code realloc}: old {@code 0x0} is a malloc; size 0 with a
 * nonzero old is a free; a failed realloc (new {@code 0x0}, size &gt; 0) leaves old live;
 * otherwise old's free (or, old not live, nothing but the count) and new's allocation, both at
 * the line's time. A size of 0 is a 1-byte request, as in {@link TraceReader}.
 *
 * <p><b>Time</b>: when the lines carry timestamps (all calls or none: a mix is an error), an
 * event's time is its call's start minus the first call's start. The lines are in the order the
 * calls were recorded, and on several threads a call can start before the line above it started;
 * such a start is raised to the previous event's time and counted ({@link #clampedTimes}), rather
 * than rejected: the recorded order is the one in which every pointer is freed before it is
 * returned again, so it is the order to keep, and the raise is at most the overlap of two calls.
 * Without timestamps, a synthetic clock: call {@code k} (from 0; {@code thread_done} is no call)
 * happens at {@code k * nanosPerCall} ({@code --clock}, default {@value #DEFAULT_NANOS_PER_CALL}
 * ns: the median over the shipped {@code mempred-trace} captures of their mean time between
 * allocator calls, which ranges from about 0.2 to 2.2 microseconds; docs/design.md).
 *
 * <p><b>Checks</b>: every malformed line is a {@link TraceFormatException} naming the file, the
 * line and what was expected. <b>Cost</b>: as {@link TraceReader}: a byte-level parser over
 * {@link LineSource}'s buffer, one hash-map probe per pointer, nothing allocated per line (the map
 * grows with the live set). Not thread-safe.
 */
public final class AospDumpReader implements TraceSource {
    /** The default synthetic clock: nanoseconds per allocator call of a dump without timestamps. */
    public static final long DEFAULT_NANOS_PER_CALL = 1_000;

    private static final int SIZE_BITS = 31;
    private static final long SIZE_MASK = (1L << SIZE_BITS) - 1;
    private static final long MAX_BLOCKS = 1L << (63 - SIZE_BITS);

    private static final int MALLOC = 0;
    private static final int CALLOC = 1;
    private static final int MEMALIGN = 2;
    private static final int REALLOC = 3;
    private static final int FREE = 4;
    private static final int THREAD_DONE = 5;
    private static final byte[][] ACTIONS = {
        bytes("malloc"), bytes("calloc"), bytes("memalign"), bytes("realloc"), bytes("free"), bytes("thread_done")
    };
    private static final String ACTION_LIST = "malloc, calloc, memalign, realloc, free or thread_done";

    private static final int TIMES_UNKNOWN = -1;

    private final LineSource lines;
    private final LineFields fields;
    private final long nanosPerCall;
    /** Live pointer to {@code blockId << 31 | requestBytes}; never 0, as requests are &gt;= 1. */
    private final LongLongHashMap live = IdMaps.toLong();

    private final HeapEvent event = new HeapEvent();
    private long oldPointer;

    private int timed = TIMES_UNKNOWN;
    private long timedLine;
    private long firstStartNanos;
    private long startNanos;
    private long timeNanos;
    private long calls;
    private long clampedTimes;

    private boolean pendingAllocation;
    private long pendingPointer;
    private int pendingRequest;
    private int pendingThread;

    private long nextBlock;
    private long events;
    private long allocations;
    private long unknownFrees;
    private long liveBytes;
    private long peakLiveBytes;
    private int maxRequestBytes;

    /**
     * A reader of the decoded (plain text) dump {@code in}; {@code name} is used in messages,
     * {@code nanosPerCall} is the clock when the dump has no timestamps.
     *
     * @throws IllegalArgumentException when {@code nanosPerCall} is not positive
     */
    public AospDumpReader(InputStream in, String name, long nanosPerCall) {
        this.nanosPerCall = requireClock(nanosPerCall);
        this.lines = new LineSource(in, name);
        this.fields = new LineFields(lines);
    }

    /** Checks a synthetic clock, naming the bad value. */
    static long requireClock(long nanosPerCall) {
        if (nanosPerCall <= 0) {
            throw new IllegalArgumentException("nanosPerCall=" + nanosPerCall + " must be positive");
        }
        return nanosPerCall;
    }

    @Override
    public boolean next() {
        if (pendingAllocation) {
            pendingAllocation = false;
            allocate(pendingPointer, pendingRequest, pendingThread);
            events++;
            return true;
        }
        while (lines.nextLine()) {
            if (parseLine()) {
                events++;
                return true;
            }
        }
        return false;
    }

    /** The current event; never atomic (a dump does not say), its thread set. */
    @Override
    public HeapEvent event() {
        return event;
    }

    /** None: a dump records no allocation sites. */
    @Override
    public Set<Characteristic> characteristics() {
        return Characteristic.of(false);
    }

    @Override
    public String name() {
        return lines.name();
    }

    @Override
    public TraceFormat format() {
        return TraceFormat.AOSP;
    }

    @Override
    public long events() {
        return events;
    }

    @Override
    public long allocations() {
        return allocations;
    }

    /** Frees (and reallocs) of pointers that were not live, counted and skipped. */
    @Override
    public long unknownFrees() {
        return unknownFrees;
    }

    @Override
    public long liveBytes() {
        return liveBytes;
    }

    @Override
    public long peakLiveBytes() {
        return peakLiveBytes;
    }

    @Override
    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    /** The synthetic clock when the dump's calls carry no timestamps, 0 when they do. */
    @Override
    public long syntheticClockNanos() {
        return timed == 1 ? 0 : nanosPerCall;
    }

    /** Calls whose start was before the previous event's time and was raised to it. */
    @Override
    public long clampedTimes() {
        return clampedTimes;
    }

    /** Pointers live now. */
    public int livePointers() {
        return live.size();
    }

    @Override
    public void close() {
        lines.close();
    }

    /** Parses the current line; true when it set an event to return. */
    private boolean parseLine() {
        if (!fields.start()) {
            return false;
        }
        long tid = fields.decimal("the thread id");
        if (tid > Integer.MAX_VALUE) {
            throw fields.error("the thread id " + tid + " exceeds " + Integer.MAX_VALUE);
        }
        if (fields.peek() != ':') {
            throw fields.error("expected ':' after the thread id", fields.cursor);
        }
        fields.cursor++;
        fields.separator("the call (" + ACTION_LIST + ")");
        int action = fields.word(ACTIONS, "the call (" + ACTION_LIST + ")");
        fields.separator("the pointer (hexadecimal)");
        long pointer = fields.hex("the pointer");
        long size = arguments(action);
        boolean hasTimes = timestamps();
        if (action == THREAD_DONE) {
            return false;
        }
        int request = request(size);
        clock(hasTimes);
        int thread = (int) tid;
        return switch (action) {
            case FREE -> pointer != 0 && free(pointer, thread);
            case REALLOC -> realloc(pointer, oldPointer, size, request, thread);
            default -> allocateUnlessFailed(pointer, request, thread);
        };
    }

    /** Reads the arguments after the pointer; returns the size in bytes (0 for free, thread_done). */
    private long arguments(int action) {
        return switch (action) {
            case MALLOC -> sizeField();
            case CALLOC -> {
                fields.separator("the element count");
                long count = fields.decimal("the element count");
                long each = sizeField();
                if (Math.multiplyHigh(count, each) != 0 || count * each < 0) {
                    throw fields.error("calloc of " + count + " elements of " + each + " bytes overflows 64 bits");
                }
                yield count * each;
            }
            case MEMALIGN -> {
                fields.separator("the alignment");
                fields.decimal("the alignment");
                yield sizeField();
            }
            case REALLOC -> {
                fields.separator("the old pointer (hexadecimal)");
                oldPointer = fields.hex("the old pointer");
                yield sizeField();
            }
            default -> 0;
        };
    }

    private boolean realloc(long pointer, long old, long size, int request, int thread) {
        if (old == 0) {
            return allocateUnlessFailed(pointer, request, thread);
        }
        if (size == 0) {
            return free(old, thread);
        }
        if (pointer == 0) {
            return false; // failed: old stays live
        }
        if (pointer != old && live.containsKey(pointer)) {
            throw stillLive(pointer);
        }
        if (free(old, thread)) {
            pendingAllocation = true;
            pendingPointer = pointer;
            pendingRequest = request;
            pendingThread = thread;
            return true;
        }
        allocate(pointer, request, thread);
        return true;
    }

    private boolean allocateUnlessFailed(long pointer, int request, int thread) {
        if (pointer == 0) {
            return false;
        }
        allocate(pointer, request, thread);
        return true;
    }

    private void allocate(long pointer, int request, int thread) {
        int slot = live.indexOf(pointer);
        if (live.indexExists(slot)) {
            throw stillLive(pointer);
        }
        if (nextBlock == MAX_BLOCKS) {
            throw fields.error("more than " + MAX_BLOCKS + " allocations: expected a shorter dump");
        }
        long block = nextBlock++;
        live.indexInsert(slot, pointer, block << SIZE_BITS | request);
        event.allocate(timeNanos, block, request, false, HeapEvent.NO_SITE).thread(thread);
        allocations++;
        maxRequestBytes = Math.max(maxRequestBytes, request);
        liveBytes += Granules.roundUp(request);
        peakLiveBytes = Math.max(peakLiveBytes, liveBytes);
    }

    private boolean free(long pointer, int thread) {
        int slot = live.indexOf(pointer);
        if (!live.indexExists(slot)) {
            unknownFrees++;
            return false;
        }
        long packed = live.indexGet(slot);
        live.indexRemove(slot);
        event.other(timeNanos, EventKind.FREE, packed >>> SIZE_BITS).thread(thread);
        liveBytes -= Granules.roundUp((int) (packed & SIZE_MASK));
        return true;
    }

    private TraceFormatException stillLive(long pointer) {
        return fields.error("pointer 0x" + Long.toHexString(pointer)
                + " is returned while still live: expected its free (or realloc) first");
    }

    /** Sets {@code timeNanos} for the current call from its timestamps or the synthetic clock. */
    private void clock(boolean hasTimes) {
        int times = hasTimes ? 1 : 0;
        if (timed == TIMES_UNKNOWN) {
            timed = times;
            timedLine = lines.lineNumber();
        } else if (timed != times) {
            throw fields.error(
                    hasTimes
                            ? "timestamps on a call, but line " + timedLine
                                    + " had none: expected every call with timestamps or none"
                            : "no timestamps on a call, but line " + timedLine
                                    + " had them: expected the start and end time in ns after the arguments");
        }
        if (hasTimes) {
            if (calls == 0) {
                firstStartNanos = startNanos;
            }
            long t = startNanos - firstStartNanos;
            if (t < timeNanos) {
                clampedTimes++;
            } else {
                timeNanos = t;
            }
        } else {
            if (calls > Long.MAX_VALUE / nanosPerCall) {
                throw fields.error("call " + calls + " at " + nanosPerCall + " ns a call overflows the clock");
            }
            timeNanos = calls * nanosPerCall;
        }
        calls++;
    }

    /** Reads the optional start and end times and the end of the line; true when they are there. */
    private boolean timestamps() {
        if (fields.atEnd()) {
            return false;
        }
        fields.separator("the start time in ns");
        startNanos = fields.decimal("the start time in ns");
        fields.separator("the end time in ns");
        fields.decimal("the end time in ns");
        if (!fields.atEnd()) {
            throw fields.error(
                    "expected the end of the line after the end time (only a start and an end time in ns may follow"
                            + " the arguments)",
                    fields.cursor);
        }
        return true;
    }

    private long sizeField() {
        fields.separator("the size in bytes");
        return fields.decimal("the size in bytes");
    }

    private int request(long size) {
        if (size > Integer.MAX_VALUE) {
            throw fields.error("size=" + size + " exceeds the largest request " + Integer.MAX_VALUE + " bytes");
        }
        return Math.max(1, (int) size);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
