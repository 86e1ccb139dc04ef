package org.mempred.lab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mempred.govern.Placement;
import org.mempred.lab.trace.ReplayMarks;
import org.mempred.lab.trace.TraceSummary;
import org.mempred.lab.trace.TraceWorkload;

class TrueLifetimesTest {
    @TempDir
    Path dir;

    private TraceWorkload workload(String text) throws IOException {
        Path file = Files.writeString(dir.resolve("t.trace"), text);
        return new TraceWorkload(file, TraceSummary.scan(file), 1.0, ReplayMarks.stressorDefaults());
    }

    @Test
    void eachAllocationGetsItsOwnLifetimeByOrdinalAndTheUnfreedTheLongest() throws IOException {
        TraceWorkload trace = workload("# mempred-trace v1\n0 a 1 64\n10 a 2 64\n25 f 1\n30 a 1 32\n100 f 2\n");
        assertThat(TrueLifetimes.of(trace, 1, 1_000)).containsExactly(25, 90, Long.MAX_VALUE);
    }

    @Test
    void aSiteBasedPlacementIsRefusedOnAVersion1TraceAndAcceptedOnVersion2() throws IOException {
        TraceWorkload v1 = workload("# mempred-trace v1\n0 a 1 64\n");
        assertThatThrownBy(() -> PlacementCheck.require(Placement.NEURAL_LIFETIME, v1))
                .hasMessageContaining("placement 'neural-lifetime' needs allocation sites");
        PlacementCheck.require(Placement.SIZE_CLASS, v1);
        TraceWorkload v2 = workload("# mempred-trace v2\n0 a 1 64 ab\n");
        PlacementCheck.require(Placement.SITE_TABLE, v2);
    }

    @Test
    void oracleLifetimeRunsSeeTheTrueClasses() throws IOException {
        TraceWorkload trace = workload("# mempred-trace v2\n0 a 1 64 1\n20000000 f 1\n30000000 a 2 64 1\n");
        SimulationOptions options = SimulationOptions.of(4096, 1_000_000_000L).withPlacement(Placement.ORACLE_LIFETIME);
        RunResult run = new Simulator(options).run(trace, org.mempred.govern.PolicySpec.parse("reserve"), 1);
        assertThat(run.placing().stats().count(1, 1)).isEqualTo(1); // 20 ms: class 1, predicted exactly
        assertThat(run.placing().exactShare()).isEqualTo(1.0);
    }
}
