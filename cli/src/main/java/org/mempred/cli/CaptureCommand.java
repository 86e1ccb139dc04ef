package org.mempred.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mempred.lab.trace.TraceFiles;
import org.mempred.lab.trace.TraceFormatException;
import org.mempred.lab.trace.TraceSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mempred capture [--out DIR] -- COMMAND ARGS...}: runs a program under the alloctrace
 * LD_PRELOAD library ({@code tools/alloctrace}) and leaves one gzip trace per process it started.
 *
 * <pre>
 *   tools/alloctrace/{alloctrace.c, build.sh}  --sha256--&gt;  CACHE/alloctrace/&lt;hash&gt;/libmempred-alloctrace.so
 *   COMMAND (LD_PRELOAD=lib, MEMPRED_TRACE_DIR=DIR/.capture-*)  --&gt;  mempred-&lt;comm&gt;-&lt;pid&gt;.trace
 *   each trace  --gzip--&gt;  DIR/mempred-&lt;comm&gt;-&lt;pid&gt;.trace.gz   (then summarised: events, peak, length)
 * </pre>
 *
 * <p>The library is built on first use (and again whenever its source changes: the cache key is
 * the hash of the source and the build script) with the system C compiler. Where none exists the
 * build is skipped and capture stops with a clear message (exit 1). A bad option or a program
 * that cannot be started: one line, exit 2. Otherwise capture exits with the program's status.
 */
@Command(
        name = "capture",
        mixinStandardHelpOptions = true,
        description = {
            "Run COMMAND under the alloctrace LD_PRELOAD library and write its allocation trace(s) (mempred-trace v1,"
                    + " gzip), one per process.",
            "Example: mempred capture --out traces -- python3 -c 'sorted(range(10**6))'"
        })
final class CaptureCommand implements Callable<Integer> {
    static final String LIBRARY_NAME = "libmempred-alloctrace.so";
    private static final String TOOLS = "tools/alloctrace";
    private static final int HASH_HEX_CHARS = 16;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Directory for the .trace.gz files (default: ${DEFAULT-VALUE}).",
            defaultValue = ".")
    private Path outDir;

    @Option(names = "--lib", paramLabel = "FILE", description = "Use this prebuilt " + LIBRARY_NAME + ".")
    private Path library;

    @Option(
            names = "--cache-dir",
            paramLabel = "DIR",
            description = "Where the library is built and kept (default: $XDG_CACHE_HOME/mempred or ~/.cache/mempred).")
    private Path cacheDir;

    @Option(
            names = "--tools",
            paramLabel = "DIR",
            description = "The " + TOOLS + " directory (default: searched upwards from the working directory and"
                    + " from the mempred jar).")
    private Path toolsDir;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The program to run and its arguments.")
    private List<String> command;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PathChecks.writableDirectory(outDir, "--out");
        Path lib;
        try {
            lib = library(err);
        } catch (NoCompilerException e) {
            err.println("mempred capture: " + e.getMessage());
            err.flush();
            return 1;
        }
        Files.createDirectories(outDir);
        Path staging = Files.createTempDirectory(outDir, ".capture-");
        try {
            long start = System.nanoTime();
            int status = runUnder(lib, staging);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "mempred capture: %s exited with status %d after %.2f s (library %s)%n",
                    String.join(" ", command),
                    status,
                    seconds,
                    lib);
            List<Path> traces = collect(staging, out);
            if (traces.isEmpty()) {
                err.println("mempred capture: no trace was written (a statically linked program, or one that"
                        + " clears LD_PRELOAD, cannot be traced)");
                return status == 0 ? 1 : status;
            }
            out.println("replay the largest with: mempred replay " + traces.get(0) + " --policies reactive,neural");
            out.flush();
            return status;
        } finally {
            deleteTree(staging);
        }
    }

    /** The library to preload: {@code --lib}, or the cached build of the current source. */
    private Path library(PrintWriter err) throws IOException {
        if (library != null) {
            PathChecks.readableFile(library, "--lib");
            return library.toAbsolutePath();
        }
        Path tools = toolsDir != null ? toolsDir : findTools();
        Path script = tools.resolve("build.sh");
        Path source = tools.resolve("alloctrace.c");
        if (!Files.isRegularFile(script) || !Files.isRegularFile(source)) {
            throw new IllegalArgumentException(
                    "--tools=" + tools + " holds no build.sh and alloctrace.c (the mempred checkout's " + TOOLS + ")");
        }
        Path buildDir = cacheRoot().resolve("alloctrace").resolve(hash(source, script));
        Path lib = buildDir.resolve(LIBRARY_NAME);
        if (!Files.isRegularFile(lib)) {
            build(script, buildDir, lib, err);
        }
        return lib.toAbsolutePath();
    }

    private static void build(Path script, Path buildDir, Path lib, PrintWriter err) throws IOException {
        err.println("mempred capture: building " + lib + " with " + script);
        err.flush();
        ProcessBuilder builder = new ProcessBuilder("sh", script.toString(), buildDir.toString());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        int status = waitFor(process);
        if (status != 0) {
            throw new IOException(
                    "building the alloctrace library failed (" + script + " exited with " + status + "):\n" + output);
        }
        if (!Files.isRegularFile(lib)) {
            throw new NoCompilerException("cannot capture: the alloctrace library could not be built here ("
                    + output.lines()
                            .filter(l -> l.contains("SKIPPED"))
                            .findFirst()
                            .orElse(output)
                    + "). Install a C compiler (cc, gcc or clang) or pass --lib FILE.");
        }
    }

    private int runUnder(Path lib, Path staging) {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Map<String, String> env = builder.environment();
        String preload = env.get("LD_PRELOAD");
        env.put("LD_PRELOAD", preload == null || preload.isBlank() ? lib.toString() : lib + " " + preload);
        env.put("MEMPRED_TRACE_DIR", staging.toAbsolutePath().toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot run '" + command.get(0) + "': " + e.getMessage(), e);
        }
        return waitFor(process);
    }

    /** Gzips every trace in {@code staging} into {@code --out}, largest first, and prints a line each. */
    private List<Path> collect(Path staging, PrintWriter out) throws IOException {
        List<Path> plain;
        try (Stream<Path> files = Files.list(staging)) {
            plain = files.filter(f -> String.valueOf(f.getFileName()).endsWith(".trace"))
                    .sorted(Comparator.comparingLong(CaptureCommand::sizeOf)
                            .reversed()
                            .thenComparing(Path::toString))
                    .toList();
        }
        List<Path> written = new ArrayList<>();
        for (Path trace : plain) {
            Path gz = outDir.resolve(trace.getFileName() + ".gz");
            long bytes = TraceFiles.gzip(trace, gz);
            TraceSummary summary;
            try {
                summary = TraceSummary.scan(gz);
            } catch (TraceFormatException e) {
                out.println("  " + gz + "  unreadable, kept for inspection: " + e.getMessage());
                continue;
            }
            out.printf(
                    Locale.ROOT,
                    "  %s  %,d events, peak live %,d bytes, %.3f s, %,d bytes gzip%n",
                    gz,
                    summary.events(),
                    summary.peakLiveBytes(),
                    summary.durationNanos() / 1e9,
                    bytes);
            written.add(gz);
        }
        return written;
    }

    private static Path findTools() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        try {
            starts.add(Path.of(CaptureCommand.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toAbsolutePath());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // no jar location: the working directory is searched alone
        }
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve(TOOLS).resolve("build.sh"))) {
                    return dir.resolve(TOOLS);
                }
            }
        }
        throw new IllegalArgumentException("cannot find " + TOOLS + "/build.sh above " + starts
                + ": run from the mempred checkout, or pass --tools DIR or --lib FILE");
    }

    private Path cacheRoot() {
        if (cacheDir != null) {
            return cacheDir;
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return xdg != null && !xdg.isBlank()
                ? Path.of(xdg, "mempred")
                : Path.of(System.getProperty("user.home"), ".cache", "mempred");
    }

    private static String hash(Path... files) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, HASH_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "interrupted while waiting for " + process.info().command(), e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** No C compiler: the library cannot be built on this machine. */
    static final class NoCompilerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoCompilerException(String message) {
            super(message);
        }
    }
}
