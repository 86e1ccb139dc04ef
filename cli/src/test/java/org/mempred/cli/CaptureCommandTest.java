package org.mempred.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mempred.cli.CliRun.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mempred.lab.trace.TraceSummary;

class CaptureCommandTest {
    @TempDir
    Path dir;

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, program))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void buildsTheLibraryAndCapturesATinyProgram() throws IOException {
        assumeTrue(onPath("cc") || onPath("gcc") || onPath("clang"), "no C compiler on PATH: capture cannot run here");
        assumeTrue(onPath("sh") && onPath("sort"), "needs sh and sort");
        Path out = dir.resolve("out");
        String[] result = run(
                "capture",
                "--out",
                out.toString(),
                "--cache-dir",
                dir.resolve("cache").toString(),
                "--all-processes",
                "--",
                "sh",
                "-c",
                "seq 1 5000 | sort -r > /dev/null");
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[2]).contains("building");
        List<Path> traces;
        try (Stream<Path> files = Files.list(out)) {
            traces = files.filter(f -> f.toString().endsWith(".trace.gz")).toList();
        }
        assertThat(traces)
                .anySatisfy(t -> assertThat(t.getFileName().toString()).startsWith("mempred-sort-"));
        for (Path trace : traces) {
            TraceSummary summary = TraceSummary.scan(trace);
            assertThat(summary.allocations()).as("%s", trace).isPositive();
            assertThat(summary.unknownFrees()).as("%s", trace).isZero();
            assertThat(result[1]).contains(trace.toString());
        }
        assertThat(out).isDirectoryNotContaining("glob:**/.capture-*");
    }

    @Test
    void whereNoCompilerExistsCaptureSaysSoAndExitsOne() throws IOException {
        Path tools = Files.createDirectories(dir.resolve("tools"));
        Files.writeString(tools.resolve("alloctrace.c"), "/* not built */\n");
        Files.writeString(
                tools.resolve("build.sh"), "echo 'alloctrace: SKIPPED: no C compiler found (test stand-in)' >&2\n");
        String[] result = run(
                "capture",
                "--tools",
                tools.toString(),
                "--cache-dir",
                dir.resolve("cache").toString(),
                "--out",
                dir.toString(),
                "--",
                "true");
        assertThat(result[0]).isEqualTo("1");
        assertThat(result[2]).contains("cannot capture").contains("SKIPPED: no C compiler found");
    }

    @Test
    void keepsOnlyTheProgramAShimExecsUnlessAllProcessesAreAsked() throws IOException {
        assumeTrue(onPath("cc") || onPath("gcc") || onPath("clang"), "no C compiler on PATH: capture cannot run here");
        assumeTrue(onPath("sh") && onPath("sort") && onPath("ls"), "needs sh, ls and sort");
        Path shim = Files.writeString(
                dir.resolve("shim.sh"), "#!/bin/sh\nls / > /dev/null\nseq 1 100 > /dev/null\nexec sort -r \"$0\"\n");
        Path out = dir.resolve("out");
        String[] result = run(
                "capture",
                "--out",
                out.toString(),
                "--cache-dir",
                dir.resolve("cache").toString(),
                "--",
                "sh",
                shim.toString());
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[1])
                .containsPattern(
                        "traced [0-9]+ processes; keeping mempred-sort-[0-9-]+\\.trace \\(the program's own process\\)");
        List<Path> traces;
        try (Stream<Path> files = Files.list(out)) {
            traces = files.filter(f -> f.toString().endsWith(".trace.gz")).toList();
        }
        assertThat(traces).hasSize(1);
        assertThat(traces.get(0).getFileName().toString()).startsWith("mempred-sort-");
    }

    @Test
    void aProgramThatAllocatesNothingSaysSoRatherThanBlamingStaticLinking() {
        assumeTrue(onPath("cc") || onPath("gcc") || onPath("clang"), "no C compiler on PATH: capture cannot run here");
        assumeTrue(Files.isExecutable(Path.of("/bin/true")), "needs /bin/true");
        String[] result = run(
                "capture",
                "--out",
                dir.resolve("out").toString(),
                "--cache-dir",
                dir.resolve("cache").toString(),
                "--",
                "/bin/true");
        assertThat(result[2]).contains("no allocations were recorded").doesNotContain("statically linked");
    }

    @Test
    void pythonMallocIsReadAsTheProgramSeesItThroughALeadingEnv() {
        Map<String, String> none = Map.of();
        Map<String, String> malloc = Map.of("PYTHONMALLOC", "malloc");
        assertThat(CaptureCommand.pythonMallocSeenBy(List.of("env", "PYTHONMALLOC=malloc", "python3", "-c", "1"), none))
                .isEqualTo("malloc");
        assertThat(CaptureCommand.pythonMallocSeenBy(
                        List.of("/usr/bin/env", "A=1", "PYTHONMALLOC=malloc", "python3"), none))
                .isEqualTo("malloc");
        assertThat(CaptureCommand.pythonMallocSeenBy(List.of("python3", "-c", "1"), malloc))
                .isEqualTo("malloc");
        assertThat(CaptureCommand.pythonMallocSeenBy(List.of("python3", "PYTHONMALLOC=malloc"), none))
                .isNull();
        assertThat(CaptureCommand.pythonMallocSeenBy(List.of("env", "-u", "PYTHONMALLOC", "python3"), malloc))
                .isNull();
        assertThat(CaptureCommand.pythonMallocSeenBy(List.of("env", "-i", "python3"), malloc))
                .isNull();
        assertThat(CaptureCommand.pythonMallocSeenBy(List.of("env", "PYTHONMALLOC=pymalloc", "python3"), malloc))
                .isEqualTo("pymalloc");
        assertThat(CaptureCommand.pythonMallocSeenBy(List.of("env", "python3", "PYTHONMALLOC=malloc"), none))
                .isNull();
    }

    @Test
    void aMissingLibraryIsOneLineWithExitCodeOneAndAMissingProgramExitCodeTwo() {
        String[] noLib = run("capture", "--lib", dir.resolve("missing.so").toString(), "--", "true");
        assertThat(noLib[0]).isEqualTo("1");
        assertThat(noLib[2]).contains("--lib ").contains("does not exist");
        String[] noCommand = run("capture", "--out", dir.toString());
        assertThat(noCommand[0]).isEqualTo("2");
    }
}
