package org.mempred.lab.sim;

import java.util.Arrays;
import org.mempred.heap.RequestSizes;
import org.mempred.heap.SizeClasses;
import org.mempred.lab.workload.EventKind;
import org.mempred.lab.workload.EventStream;
import org.mempred.lab.workload.HeapEvent;
import org.mempred.lab.workload.Workload;
import org.mempred.predict.FutureView;
import org.mempred.predict.RecordedFuture;
import org.mempred.predict.Target;

/**
 * The true future an {@code oracle} reads, computed once per (workload, seed) from the request
 * stream alone: for every governor tick, the volume requested in size classes and the largest
 * request since the previous tick, over capacity — exactly the observations the governor's
 * samples make of the same stream ({@link Target#observe}), since a stream does not depend on the
 * policy that serves it (failed requests still count). So no run of another policy is needed, and
 * every oracle of a seed reads the same future.
 *
 * <p>Tick {@code k} at {@code k * tick} covers the allocations with times in
 * {@code [(k - 1) * tick, k * tick)}, as a simulation runs the ticks due before an event at the
 * same time. The peak-pressure target depends on the policy, so its future stays the recording of
 * a run ({@link PressureTrace}). One pass over the stream; two double arrays of one entry per tick.
 */
public final class TrueFuture {
    private final long[] timesNanos;
    private final double[] volumes;
    private final double[] largest;

    private TrueFuture(long[] timesNanos, double[] volumes, double[] largest) {
        this.timesNanos = timesNanos;
        this.volumes = volumes;
        this.largest = largest;
    }

    /** The future of {@code workload}'s stream for {@code seed} under {@code options}' heap, tick and duration. */
    public static TrueFuture of(Workload workload, long seed, SimulationOptions options) {
        long tick = options.tickNanos();
        int ticks = (int) Math.min(Integer.MAX_VALUE - 8, options.durationNanos() / tick);
        long[] times = new long[ticks];
        long[] volumeBytes = new long[ticks];
        double[] largest = new double[ticks];
        for (int k = 0; k < ticks; k++) {
            times[k] = (k + 1) * tick;
        }
        double capacity = options.heapBytes();
        EventStream stream = workload.open(seed, options.durationNanos());
        HeapEvent event = stream.event();
        while (stream.next()) {
            if (event.kind() != EventKind.ALLOCATE) {
                continue;
            }
            int k = (int) (event.timeNanos() / tick);
            if (k >= ticks) {
                break;
            }
            int size = event.sizeBytes();
            if (SizeClasses.of(size) != SizeClasses.NONE) {
                volumeBytes[k] += size;
            }
            largest[k] = Math.max(largest[k], Math.min(1.0, RequestSizes.roundedBytes(size) / capacity));
        }
        double[] volumes = new double[ticks];
        for (int k = 0; k < ticks; k++) {
            volumes[k] = volumeBytes[k] / capacity; // one division, as a sample's volumeFraction()
        }
        return new TrueFuture(times, volumes, largest);
    }

    /** The future of {@code target} (volume or largest request) as an oracle reads it. */
    public FutureView view(Target target) {
        return switch (target) {
            case VOLUME -> new RecordedFuture(timesNanos, volumes, Target.VOLUME);
            case DEMAND -> new RecordedFuture(timesNanos, largest, Target.DEMAND);
            case PEAK_PRESSURE ->
                throw new IllegalArgumentException("the peak pressure depends on the policy: record a run instead");
        };
    }

    /** The volume observed at each tick, over capacity (a copy). */
    public double[] volumes() {
        return Arrays.copyOf(volumes, volumes.length);
    }
}
