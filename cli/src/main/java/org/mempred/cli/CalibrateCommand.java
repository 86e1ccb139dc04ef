package org.mempred.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mempred.cli.options.PathChecks;
import org.mempred.lab.sim.Calibration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mempred calibrate}: measures the compaction cost model's constants on this machine
 * ({@link Calibration#measure}) and writes them, with the date and the machine, as a calibration
 * file; the committed one ({@code lab/src/main/resources} + {@link Calibration#RESOURCE}) is what
 * every simulation uses, so the constants are never typed by hand and a run stays deterministic
 * per seed. The constants in words go to stderr, the file to {@code --out} (default stdout).
 */
@Command(
        name = "calibrate",
        mixinStandardHelpOptions = true,
        description = {
            "Measure the compaction cost model's constants (fixed, per block, memmove rate) on this machine"
                    + " and write them with the date and the machine as a calibration file.",
            "Simulations use the committed file lab/src/main/resources" + Calibration.RESOURCE
                    + "; write it there (then rebuild) to recalibrate."
        })
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Calibration file to write ('-' for stdout, the default).",
            defaultValue = PathChecks.STDOUT)
    private Path out;

    @Override
    public Integer call() {
        if (!PathChecks.isStdout(out)) {
            PathChecks.writableFile(out, "--out");
        }
        String command = "mempred calibrate" + (PathChecks.isStdout(out) ? "" : " --out " + out);
        Calibration calibration = Calibration.measure(command);
        PrintWriter err = spec.commandLine().getErr();
        err.println("mempred calibrate: " + calibration.describe());
        err.flush();
        PathChecks.write(out, calibration.text(), spec.commandLine().getOut(), "--out");
        return 0;
    }
}
