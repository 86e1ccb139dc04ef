package org.mempred.heap;

/**
 * The means a reserve is refilled by, cheapest first: the escalation a governor climbs when a
 * wake-up finds no window it can empty (see {@link Reserve#refill}). Each step plans before it
 * moves anything and moves nothing when its plan fails, so a step that cannot serve costs only
 * its search.
 *
 * <pre>
 *  step     what moves                                       bytes moved at most
 *  WINDOW   the cheapest placeable window of the target      the proposal's budget
 *           (8 runs of chunks, 32 destinations)
 *  WINDOWS  the same over several windows: 64 runs against   the proposal's budget
 *           256 destinations, so the many small holes of a
 *           full heap can take a window's blocks
 *  RANGE    a bounded slide of the cheapest range of chunks  the step's budget (a share of
 *           whose free bytes hold the target, no pin inside  the arena, never all of it)
 *  FULL     a full slide of the arena                        every movable live byte
 * </pre>
 */
public enum RefillStep {
    /** One window, as a plain wake-up evacuates. */
    WINDOW,
    /** A wide search over several windows. */
    WINDOWS,
    /** A bounded slide of the cheapest range. */
    RANGE,
    /** A full compaction. */
    FULL
}
