package org.mempred.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mempred.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** capture's pymalloc note appears only when the program did not see {@code PYTHONMALLOC=malloc}. */
class CapturePythonMallocTest {
    private static final Map<String, String> NONE = Map.of();
    private static final Map<String, String> SET = Map.of("PYTHONMALLOC", "malloc");

    @TempDir
    Path dir;

    @Test
    void theVariableIsSeenFromTheEnvironmentOrFromAnEnvPrefix() {
        assertThat(CaptureCommand.pythonMallocSeenBy(List.of("python3", "-c", "1"), NONE))
                .isNull();
        assertThat(CaptureCommand.pythonMallocSeenBy(List.of("python3", "-c", "1"), SET))
                .isEqualTo("malloc");
        assertThat(CaptureCommand.pythonMallocSeenBy(List.of("env", "PYTHONMALLOC=malloc", "python3"), NONE))
                .isEqualTo("malloc");
        assertThat(CaptureCommand.pythonMallocSeenBy(
                        List.of("/usr/bin/env", "A=1", "PYTHONMALLOC=malloc", "/usr/bin/python3", "x.py"), NONE))
                .isEqualTo("malloc");
        assertThat(CaptureCommand.pythonMallocSeenBy(List.of("env", "PYTHONMALLOC=debug", "python3"), SET))
                .isEqualTo("debug");
        assertThat(CaptureCommand.pythonMallocSeenBy(List.of("env", "-i", "python3"), SET))
                .isNull();
        assertThat(CaptureCommand.pythonMallocSeenBy(List.of("env", "-u", "PYTHONMALLOC", "python3"), SET))
                .isNull();
        assertThat(CaptureCommand.pythonMallocSeenBy(List.of("env", "-u", "OTHER", "python3"), SET))
                .isEqualTo("malloc");
        // after the program's name, NAME=VALUE words are the program's arguments
        assertThat(CaptureCommand.pythonMallocSeenBy(List.of("env", "python3", "PYTHONMALLOC=malloc"), NONE))
                .isNull();
        assertThat(CaptureCommand.pythonMallocSeenBy(List.of("myenv", "PYTHONMALLOC=malloc"), NONE))
                .isNull();
    }

    @Test
    void aCaptureRunAsEnvPythonmallocMallocPrintsNoPymallocNote() {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "needs /usr/bin/python3");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/cc")), "needs a C compiler to build the library");
        assumeTrue(!"malloc".equals(System.getenv("PYTHONMALLOC")), "the test's own environment must not set it");
        String[] withEnv =
                capture("env", "PYTHONMALLOC=malloc", python.toString(), "-c", "x = [str(i) for i in range(300)]");
        assertThat(withEnv[0]).as(withEnv[2]).isEqualTo("0");
        assertThat(withEnv[1]).contains("mempred-python3").doesNotContain("pymalloc");
        String[] without = capture(python.toString(), "-c", "x = [str(i) for i in range(300)]");
        assertThat(without[0]).as(without[2]).isEqualTo("0");
        assertThat(without[1]).contains("pymalloc").contains("PYTHONMALLOC=malloc");
    }

    private String[] capture(String... command) {
        String[] head = {
            "capture",
            "--out",
            dir.toString(),
            "--cache-dir",
            dir.resolve("cache").toString(),
            "--"
        };
        String[] args = new String[head.length + command.length];
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(command, 0, args, head.length, command.length);
        return run(args);
    }
}
