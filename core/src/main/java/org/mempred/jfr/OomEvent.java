package org.mempred.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * {@code mempred.OomEvent}: one allocation request the heap could not serve, with its kind
 * ({@code fragmentation}: total free space would hold it, no free block does; {@code exhaustion}:
 * total free space is smaller), as the heap counts it. Its stack trace names the requester.
 */
@Name(OomEvent.NAME)
@Label("OOM Event")
@Category({"mempred", "Heap"})
@Description("An allocation request a mempred heap could not serve, even after direct compaction")
public final class OomEvent extends Event {
    /** An event to fill and commit; the emitter creates one only while a recording wants it. */
    public OomEvent() {
        // fields are set by the emitter
    }

    /** The event's name, as {@code jfr print --events} takes it. */
    public static final String NAME = "mempred.OomEvent";

    private static final OomEvent PROBE = new OomEvent();

    @Label("Size")
    @Description("Bytes the request asked for")
    @DataAmount(DataAmount.BYTES)
    long sizeBytes;

    @Label("Kind")
    @Description("fragmentation (enough free bytes, no block large enough) or exhaustion (too few free bytes)")
    String kind;

    @Label("Atomic")
    @Description("The request could not wait for direct compaction")
    boolean atomic;

    @Label("Free")
    @DataAmount(DataAmount.BYTES)
    long freeBytes;

    @Label("Largest Free")
    @DataAmount(DataAmount.BYTES)
    long largestFreeBytes;

    /** Whether a recording has this event enabled: the caller gathers the figures only then. */
    public static boolean enabled() {
        return PROBE.isEnabled();
    }

    /** Records one OOM event (call only when {@link #enabled()}). */
    public static void emit(long sizeBytes, String kind, boolean atomic, long freeBytes, long largestFreeBytes) {
        OomEvent event = new OomEvent();
        if (event.shouldCommit()) {
            event.sizeBytes = sizeBytes;
            event.kind = kind;
            event.atomic = atomic;
            event.freeBytes = freeBytes;
            event.largestFreeBytes = largestFreeBytes;
            event.commit();
        }
    }
}
