package org.mempred.bench;

import java.util.concurrent.TimeUnit;
import org.mempred.govern.PolicySpec;
import org.mempred.lab.sim.Simulation;
import org.mempred.lab.sim.SimulationOptions;
import org.mempred.lab.sim.Simulator;
import org.mempred.lab.workload.StressWorkload;
import org.mempred.lab.workload.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulated heap operations per second, governor included: one op is one workload event
 * (allocate, free, pin or unpin) replayed by {@link Simulation#step()} on a 100 KiB heap under
 * the default 95 % stressor, with every governor tick (sample, predict, decide, compact) that
 * falls due, and the direct and proactive compactions the policy causes. The run is 24 h of
 * virtual time, far more events than an iteration consumes; should it end, a new one starts.
 * Run with {@code -prof gc} to see the garbage per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SimulatorBenchmark {
    private static final long DAY_NANOS = TimeUnit.HOURS.toNanos(24);

    @Param({"reactive", "periodic", "neural"})
    public String policy;

    private Simulator simulator;
    private Workload workload;
    private Simulation simulation;
    private long seed;

    @Setup(Level.Iteration)
    public void start() {
        SimulationOptions options = SimulationOptions.of(102_400, DAY_NANOS);
        simulator = new Simulator(options);
        workload = StressWorkload.kernel(0.95, options.heapBytes());
        simulation = simulator.start(workload, PolicySpec.parse(policy), ++seed);
    }

    @Benchmark
    public boolean step() {
        if (simulation.step()) {
            return true;
        }
        simulation = simulator.start(workload, PolicySpec.parse(policy), ++seed);
        return simulation.step();
    }
}
