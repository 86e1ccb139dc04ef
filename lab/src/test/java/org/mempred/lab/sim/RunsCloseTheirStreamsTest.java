package org.mempred.lab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mempred.govern.Placement;
import org.mempred.govern.PolicySpec;
import org.mempred.lab.trace.ReplayMarks;
import org.mempred.lab.trace.ReplayStream;
import org.mempred.lab.trace.TraceReader;
import org.mempred.lab.workload.Characteristic;
import org.mempred.lab.workload.EventStream;
import org.mempred.lab.workload.Workload;

/** Every run closes every trace it opens: drained, cut at its duration, or a first pass for lifetimes. */
class RunsCloseTheirStreamsTest {
    private static final String TRACE =
            "# mempred-trace v1\n0 a 1 64\n10000000 a 2 64\n20000000 f 1\n" + "900000000 f 2\n";

    /** A trace workload whose every opened file reports whether it was closed. */
    private static final class Tracked implements Workload {
        final List<Input> inputs = new ArrayList<>();
        final String text;

        Tracked(String text) {
            this.text = text;
        }

        Tracked() {
            this(TRACE);
        }

        @Override
        public String name() {
            return "tracked";
        }

        @Override
        public EventStream open(long seed, long durationNanos) {
            Input input = new Input(text);
            inputs.add(input);
            return new ReplayStream(
                    new TraceReader(input, "tracked.trace"), 1.0, new ReplayMarks(0.0, 0.0, 1), seed, durationNanos);
        }

        @Override
        public int maxRequestBytes() {
            return 64;
        }

        @Override
        public Set<Characteristic> characteristics() {
            return Set.of();
        }

        long open() {
            return inputs.stream().filter(input -> !input.closed).count();
        }
    }

    private static final class Input extends FilterInputStream {
        boolean closed;

        Input(String text) {
            super(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }

    @ParameterizedTest(name = "duration {0} ns")
    @ValueSource(longs = {1_000_000_000L, 15_000_000L})
    void aRunClosesItsTraceWhetherItReadsToTheEndOrIsCutShort(long durationNanos) {
        Tracked workload = new Tracked();
        RunResult run =
                new Simulator(SimulationOptions.of(4096, durationNanos)).run(workload, PolicySpec.parse("reactive"), 1);
        assertThat(run.safety().crashes()).isZero();
        assertThat(workload.inputs).hasSize(1);
        assertThat(workload.open()).isZero();
    }

    @Test
    void aRunThatCrashesOnABadLineStillClosesItsTrace() {
        Tracked workload = new Tracked("# mempred-trace v1\n0 a 1 64\n5 q 1\n9 f 1\n");
        RunResult run = new Simulator(SimulationOptions.of(4096, 1_000_000_000L))
                .run(workload, PolicySpec.parse("reactive"), 1);
        assertThat(run.safety().crashes()).isEqualTo(1);
        assertThat(workload.open()).isZero();
    }

    @Test
    void aRunWithTrueLifetimesClosesBothItsFirstPassAndItsReplay() {
        Tracked workload = new Tracked();
        SimulationOptions options = SimulationOptions.of(4096, 1_000_000_000L).withPlacement(Placement.ORACLE_LIFETIME);
        new Simulator(options).run(workload, PolicySpec.parse("reserve"), 1);
        assertThat(workload.inputs).hasSize(2);
        assertThat(workload.open()).isZero();
    }

    @Test
    void aReplayStreamClosesItsTraceAtItsEndWithoutBeingAsked() {
        Tracked workload = new Tracked();
        EventStream stream = workload.open(1, Long.MAX_VALUE);
        while (stream.next()) {
            assertThat(workload.open()).isEqualTo(1);
        }
        assertThat(workload.open()).isZero();
        stream.close();
        assertThat(workload.open()).isZero();
    }

    @Test
    void aSimulationSteppedByHandClosesItsStreamAtTheEnd() {
        Tracked workload = new Tracked();
        Simulation simulation = new Simulator(SimulationOptions.of(4096, 1_000_000_000L))
                .start(workload, PolicySpec.parse("reactive"), 1);
        while (simulation.step()) {
            // one event per step
        }
        assertThat(workload.open()).isZero();
    }
}
