package org.mempred.heap;

import java.util.Optional;

/**
 * The outcome of one {@link AllocationRequest}: the new block's handle or why the request failed
 * (an OOM event), the direct compactions it ran inside the request, whether it raised the
 * reserve's wake-up, and the sub-arena that served it. Everything a caller needs to know of a
 * request comes back here, so nothing is pulled later from the heap or heard through a listener.
 *
 * <p>Owned by its request and refilled by each allocation: valid until the request is used
 * again, and allocation-free to read (the failure kinds are constant {@link Optional}s).
 */
public final class Allocation {
    private static final Optional<OomKind> FRAGMENTATION = Optional.of(OomKind.FRAGMENTATION);
    private static final Optional<OomKind> EXHAUSTION = Optional.of(OomKind.EXHAUSTION);

    private final DirectCompactions direct = new DirectCompactions();
    private long handle = Handles.NONE;
    private OomKind failure;
    private boolean wakeupRaised;
    private int subArena = -1;
    private int lifetimeClass = -1;

    Allocation() {}

    void reset() {
        direct.clear();
        handle = Handles.NONE;
        failure = null;
        wakeupRaised = false;
        subArena = -1;
        lifetimeClass = -1;
    }

    void served(long newHandle, int servedBy) {
        handle = newHandle;
        subArena = servedBy;
    }

    void failed(OomKind kind) {
        failure = kind;
    }

    void raiseWakeup() {
        wakeupRaised = true;
    }

    DirectCompactions direct() {
        return direct;
    }

    /** Whether the request got a block. */
    public boolean succeeded() {
        return handle != Handles.NONE;
    }

    /** The new block's handle, {@link Handles#NONE} when the request failed. */
    public long handle() {
        return handle;
    }

    /** Why the request failed (an OOM event); empty when it succeeded. */
    public Optional<OomKind> oomKind() {
        if (failure == null) {
            return Optional.empty();
        }
        return failure == OomKind.FRAGMENTATION ? FRAGMENTATION : EXHAUSTION;
    }

    /** The direct compactions the request ran (none, an evacuation, a slide, or both). */
    public DirectCompactions directCompactions() {
        return direct;
    }

    /**
     * Whether this request raised the reserve's wake-up (see {@link Reserve}): its caller then
     * tells the governor, which answers it on its own thread.
     */
    public boolean wakeupRaised() {
        return wakeupRaised;
    }

    /** Index of the sub-arena that holds the new block ({@link ArenaLayout}), -1 when it failed. */
    public int subArena() {
        return subArena;
    }

    void predicted(int cls) {
        lifetimeClass = cls;
    }

    /** The lifetime class the heap's placement predicted for the request, -1 without placement. */
    public int lifetimeClass() {
        return lifetimeClass;
    }

    @Override
    public String toString() {
        return succeeded()
                ? "Allocation[handle=" + Handles.format(handle) + ", subArena=" + subArena + ", direct="
                        + direct.count() + ", wakeup=" + wakeupRaised + "]"
                : "Allocation[failed " + failure + ", direct=" + direct.count() + ", wakeup=" + wakeupRaised + "]";
    }
}
