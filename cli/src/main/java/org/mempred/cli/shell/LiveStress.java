package org.mempred.cli.shell;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.mempred.heap.CompactingHeap;
import org.mempred.lab.workload.EventApplier;
import org.mempred.lab.workload.EventKind;
import org.mempred.lab.workload.EventStream;
import org.mempred.lab.workload.HeapEvent;
import org.mempred.lab.workload.PressureStressor;
import org.mempred.lab.workload.StressorConfig;
import org.mempred.live.LiveSystem;

/**
 * The shell's background workload: the lab's pressure-level stressor replayed on the real clock
 * against the live heap by one daemon thread. Events are applied when their time has come (the
 * thread sleeps a millisecond between batches) through the simulator's {@link EventApplier}, so a
 * failed allocation makes the later events of its id no-ops, exactly as in the simulator; its
 * allocations go through the {@link LiveSystem}, which hands a reserve wake-up to the governor. {@code stress status} shows what it has done.
 */
final class LiveStress implements StressControl {
    private static final long DAY_NANOS = 86_400_000_000_000L;

    private final LiveSystem system;
    private final CompactingHeap heap;
    private Thread thread;
    private volatile boolean running;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong interfered = new AtomicLong();
    private volatile double targetPressure;
    private volatile double opsPerSecond;
    private volatile long seed;

    LiveStress(LiveSystem system) {
        this.system = system;
        this.heap = system.heap();
    }

    @Override
    public synchronized void stop(PrintWriter out) {
        stop();
        out.println("stress stopped after " + applied.get() + " events");
    }

    @Override
    public synchronized void status(PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "stress %s: target pressure %.2f, %.0f requests/s, seed %d, %d"
                        + " events applied, %d failed allocations, %d blocks changed by hand; heap pressure"
                        + " now %.3f%n",
                running ? "running" : "stopped",
                targetPressure,
                opsPerSecond,
                seed,
                applied.get(),
                failed.get(),
                interfered.get(),
                heap.pressure());
    }

    @Override
    public synchronized void start(double pressure, double rate, PrintWriter out) {
        if (running) {
            throw new IllegalStateException(String.format(
                    Locale.ROOT,
                    "stress is already running (target pressure %.2f, %.0f requests/s, seed %d);"
                            + " stop it first with 'stress stop'",
                    targetPressure,
                    opsPerSecond,
                    seed));
        }
        StressorConfig kernel = StressorConfig.kernel(pressure, heap.capacityBytes());
        StressorConfig config = new StressorConfig(
                kernel.targetPressure(),
                kernel.capacityBytes(),
                rate,
                kernel.atomicShare(),
                kernel.longLivedAllocShare(),
                kernel.longLivedByteShare(),
                kernel.pinShare(),
                kernel.meanPinNanos(),
                kernel.swing(),
                kernel.sizes(),
                kernel.pattern());
        targetPressure = pressure;
        opsPerSecond = rate;
        seed = System.nanoTime();
        applied.set(0);
        failed.set(0);
        interfered.set(0);
        EventStream stream = new PressureStressor(config, seed, DAY_NANOS, 1L << 40);
        running = true;
        thread = new Thread(() -> run(stream), "mempred-stress");
        thread.setDaemon(true);
        thread.start();
        out.printf(
                Locale.ROOT, "stress started: target pressure %.2f, %.0f requests/s, seed %d%n", pressure, rate, seed);
    }

    private void run(EventStream stream) {
        EventApplier applier = new EventApplier(heap, system::allocate);
        long start = System.nanoTime();
        try {
            while (running && stream.next()) {
                long due = start + stream.event().timeNanos();
                while (running && System.nanoTime() < due) {
                    Thread.sleep(1);
                }
                if (running) {
                    applyGuarded(stream.event(), applier);
                    applied.incrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            applier.releaseAll(); // a stopped workload gives its memory back
        }
    }

    /**
     * Applies one event; a block the user freed, pinned or unpinned by hand from the shell makes
     * the workload's own operation on it fail: the workload forgets that block and carries on.
     */
    private void applyGuarded(HeapEvent event, EventApplier applier) {
        try {
            if (event.kind() != EventKind.ALLOCATE) {
                applier.apply(event);
            } else if (!applier.allocate(event).succeeded()) {
                failed.incrementAndGet();
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            applier.forget(event.id());
            interfered.incrementAndGet();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }
}
