package org.mempred.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mempred.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mempred.lab.Machine;
import org.mempred.lab.sim.Calibration;

class CalibrateCommandTest {

    @Test
    void writesACalibrationFileThatReadsBackWithTheCommandAndThisMachine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("calibration.json");
        String[] result = run("calibrate", "--out", file.toString());
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        Calibration calibration = Calibration.parse(Files.readString(file), file.toString());
        assertThat(calibration.command()).isEqualTo("mempred calibrate --out " + file);
        assertThat(calibration.machine()).isEqualTo(Machine.describe());
        assertThat(result[2]).isEqualTo("mempred calibrate: " + calibration.describe() + System.lineSeparator());
        assertThat(result[1]).isEmpty();
    }

    @Test
    void withoutOutTheFileGoesToStdout() {
        String[] result = run("calibrate");
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(Calibration.parse(result[1], "stdout").command()).isEqualTo("mempred calibrate");
    }

    @Test
    void anUnwritableOutIsOneLineAndExitOne(@TempDir Path dir) {
        String[] result = run(
                "calibrate", "--out", dir.resolve("missing").resolve("c.json").toString());
        assertThat(result[0]).isEqualTo("1");
        assertThat(result[2]).contains("does not exist");
    }
}
