package org.mempred.lab.workload;

import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.LongLongHashMap;

/**
 * The lab's maps keyed by a workload or trace id, made in one place: id to heap handle
 * ({@link EventApplier}), id to request size (the trace reader's live ids), id to pin number
 * ({@link PinSchedule}).
 *
 * <p><b>The library.</b> hppc's open-addressing maps over primitive arrays: linear probing,
 * backward-shift deletion (no tombstones, so churn never lengthens probe runs), no boxing, nothing
 * allocated per operation. hppc rather than fastutil: the same maps in a 1.5 MB jar instead of
 * about 23 MB, which matters because the command-line jar is shaded. {@code core} keeps to the JDK
 * and has no such map.
 *
 * <p><b>Memory.</b> A map starts with room for {@value #INITIAL_ENTRIES} entries and doubles when
 * half full, so it follows the ids live at once, not the heap's size or the trace's length: a
 * {@code long -> long} map costs 16 bytes a slot, two to four slots per live id.
 *
 * <p><b>Speed.</b> The load factor is 1/2, not hppc's default 3/4: every allocation probes for an
 * id that is absent, and with linear probing such a miss costs about {@code (1 + 1/(1-a)^2) / 2}
 * probes at load {@code a}, 2.5 at 1/2 against 8.5 at 3/4. Trace replay measured a few per cent
 * slower at 3/4 ({@code BENCHMARKS.md}).
 */
public final class IdMaps {
    /** Entries a new map holds before its first doubling. */
    public static final int INITIAL_ENTRIES = 16;

    /** Largest share of slots in use before a map doubles. */
    public static final double LOAD_FACTOR = 0.5;

    private IdMaps() {}

    /** A new, small map from id to a {@code long} (a handle). */
    public static LongLongHashMap toLong() {
        return new LongLongHashMap(INITIAL_ENTRIES, LOAD_FACTOR);
    }

    /** A new, small map from id to an {@code int} (a size or a number). */
    public static LongIntHashMap toInt() {
        return new LongIntHashMap(INITIAL_ENTRIES, LOAD_FACTOR);
    }
}
