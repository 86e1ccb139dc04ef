package org.mempred.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * {@code mempred.Compaction}: one compaction of a heap, as the heap counts it. The event's own
 * duration spans the compaction (begun before the first byte moves, ended when its result is
 * known), as {@code jdk.GarbageCollection}'s does.
 *
 * <pre>
 *  kind       slide | evacuate          asked of the heap, or direct in an allocation request
 *             window | windows | range | full   a reserve refill's step (RefillStep)
 *  direct     true: run inside an allocation request (reactive); false: asked for (proactive)
 * </pre>
 *
 * <p>Use: {@link #started()} at the compaction's start returns null when the event is off
 * (nothing is allocated), then, when it is not null, {@link #finish} once the compaction is
 * counted; a begun event that is never finished (a step that moved nothing and is not counted) is
 * simply dropped.
 */
@Name(CompactionEvent.NAME)
@Label("Compaction")
@Category({"mempred", "Heap"})
@Description("One compaction of a mempred heap: what ran, what it moved, and whether an allocation request ran it")
public final class CompactionEvent extends Event {
    /** An event to fill and commit; the emitter creates one only while a recording wants it. */
    public CompactionEvent() {
        // fields are set by the emitter
    }

    /** The event's name, as {@code jfr print --events} takes it. */
    public static final String NAME = "mempred.Compaction";

    private static final CompactionEvent PROBE = new CompactionEvent();

    @Label("Kind")
    @Description("slide or evacuate, or the step of a reserve refill: window, windows, range, full")
    String kind;

    @Label("Direct")
    @Description("Run inside an allocation request (reactive); false when asked for (proactive)")
    boolean direct;

    @Label("Bytes Moved")
    @DataAmount(DataAmount.BYTES)
    long bytesMoved;

    @Label("Blocks Moved")
    @Description("Blocks that changed address")
    int blocksMoved;

    @Label("Target")
    @Description("The free block an evacuation or refill aimed at; 0 for a slide")
    @DataAmount(DataAmount.BYTES)
    long targetBytes;

    @Label("Succeeded")
    @Description("Whether a free block of the target's size exists afterwards (always true for a slide)")
    boolean succeeded;

    @Label("Largest Free Before")
    @DataAmount(DataAmount.BYTES)
    long largestFreeBefore;

    @Label("Largest Free After")
    @DataAmount(DataAmount.BYTES)
    long largestFreeAfter;

    /** A begun event when a recording has the event enabled, else null: nothing is allocated when it is off. */
    public static CompactionEvent started() {
        if (!PROBE.isEnabled()) {
            return null;
        }
        CompactionEvent event = new CompactionEvent();
        event.begin();
        return event;
    }

    /** Ends and commits this event (from {@link #started()}) with these figures. */
    public void finish(
            String kind,
            boolean direct,
            long bytesMoved,
            int blocksMoved,
            long targetBytes,
            boolean succeeded,
            long largestFreeBefore,
            long largestFreeAfter) {
        end();
        if (shouldCommit()) {
            this.kind = kind;
            this.direct = direct;
            this.bytesMoved = bytesMoved;
            this.blocksMoved = blocksMoved;
            this.targetBytes = targetBytes;
            this.succeeded = succeeded;
            this.largestFreeBefore = largestFreeBefore;
            this.largestFreeAfter = largestFreeAfter;
            commit();
        }
    }
}
