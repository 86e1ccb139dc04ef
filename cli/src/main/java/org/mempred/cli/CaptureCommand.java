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
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mempred.cli.options.PathChecks;
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
            "Run COMMAND under the alloctrace LD_PRELOAD library and write its allocation trace(s) (mempred-trace v2,"
                    + " gzip), one per process.",
            "Example: mempred capture --out traces -- python3 -c 'sorted(range(10**6))'"
        })
final class CaptureCommand implements Callable<Integer> {
    static final String LIBRARY_NAME = "libmempred-alloctrace.so";
    private static final String TOOLS = "tools/alloctrace";
    private static final int HASH_HEX_CHARS = 16;

    /** Traces at least this large announce themselves on stderr before they are compressed and checked. */
    private static final long LARGE_TRACE_BYTES = 64L << 20;

    /** Programs that run others: when the started process ends as one of these, its trace is not the program's. */
    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "zsh", "ksh", "env", "time", "nice");

    /** {@code mempred-<comm>-<pid>[-<image>].trace}; the library writes comm without dashes. */
    private static final Pattern TRACE_NAME = Pattern.compile("mempred-([^-]*)-([0-9]+)(?:-([0-9]+))?\\.trace");

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

    @Option(
            names = "--all-processes",
            description = "Keep the trace of every process the command started (shells, helpers of a"
                    + " shell-script shim), not only the program's own.")
    private boolean allProcesses;

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
        Path staging = Files.createTempDirectory(outDir, ".capture-");
        try {
            long start = System.nanoTime();
            Run run = runUnder(lib, staging);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "mempred capture: %s exited with status %d after %.2f s (library %s)%n",
                    String.join(" ", command),
                    run.status(),
                    seconds,
                    lib);
            List<Path> plain = chosen(staging, run.pid(), out);
            List<Collected> traces = collect(plain, out, err);
            if (traces.isEmpty()) {
                err.println("mempred capture: no trace was written (a statically linked program, or one that"
                        + " clears LD_PRELOAD, cannot be traced)");
                return run.status() == 0 ? 1 : run.status();
            }
            if (traces.stream().allMatch(trace -> trace.summary().allocations() == 0)) {
                err.println("mempred capture: no allocations were recorded: the library was loaded, but "
                        + String.join(" ", command) + " made no malloc/free calls it could see");
                return run.status() == 0 ? 1 : run.status();
            }
            if (traces.stream().anyMatch(trace -> isCPython(trace.path()))
                    && !"malloc".equals(pythonMalloc(command, System.getenv()))) {
                out.println("note: CPython's pymalloc serves small objects from its own arenas, so most of"
                        + " its allocations never reach malloc; capture again with PYTHONMALLOC=malloc in the"
                        + " environment to record them all");
            }
            out.println(
                    "replay the largest with: mempred replay " + traces.get(0).path() + " --policies reactive,neural");
            out.flush();
            return run.status();
        } finally {
            deleteTree(staging);
        }
    }

    /** How the program ended, and the pid it was started as. */
    private record Run(int status, long pid) {}

    /** A trace written into {@code --out}, with its summary. */
    private record Collected(Path path, TraceSummary summary) {}

    /**
     * {@code PYTHONMALLOC} as the program saw it: capture's environment, changed by a leading
     * {@code env} in the command ({@code env PYTHONMALLOC=malloc python3 ...} sets it, {@code env -u
     * PYTHONMALLOC} and {@code env -i} clear it); null when unset.
     */
    static String pythonMalloc(List<String> command, Map<String, String> environment) {
        String value = environment.get("PYTHONMALLOC");
        String program = command.isEmpty() ? "" : command.get(0);
        if (!"env".equals(program.substring(program.lastIndexOf('/') + 1))) {
            return value;
        }
        for (int i = 1; i < command.size(); i++) {
            String arg = command.get(i);
            if (arg.equals("-i") || arg.equals("-") || arg.equals("--ignore-environment")) {
                value = null;
            } else if ((arg.equals("-u") || arg.equals("--unset")) && i + 1 < command.size()) {
                value = "PYTHONMALLOC".equals(command.get(++i)) ? null : value;
            } else if (arg.startsWith("--unset=") || (arg.startsWith("-u") && arg.length() > 2)) {
                String name = arg.substring(arg.startsWith("--unset=") ? "--unset=".length() : 2);
                value = "PYTHONMALLOC".equals(name) ? null : value;
            } else if (arg.startsWith("PYTHONMALLOC=")) {
                value = arg.substring("PYTHONMALLOC=".length());
            } else if (!arg.startsWith("-") && !arg.contains("=")) {
                break; // the program env runs: later words are its arguments
            }
        }
        return value;
    }

    private static boolean isCPython(Path trace) {
        Matcher name = TRACE_NAME.matcher(String.valueOf(trace.getFileName()));
        return name.lookingAt() && name.group(1).startsWith("python");
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

    private Run runUnder(Path lib, Path staging) {
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
        return new Run(waitFor(process), process.pid());
    }

    /**
     * The traces to keep, largest first: every one with {@code --all-processes}, else the program's
     * own: the last image of the started pid (a shell-script shim such as pyenv's runs helpers as
     * children, then {@code exec}s the real program under the same pid), or, when the program left
     * the work to a child it waited for, the largest trace.
     */
    private List<Path> chosen(Path staging, long pid, PrintWriter out) throws IOException {
        List<Path> plain;
        try (Stream<Path> files = Files.list(staging)) {
            plain = files.filter(f -> String.valueOf(f.getFileName()).endsWith(".trace"))
                    .sorted(Comparator.comparingLong(CaptureCommand::sizeOf)
                            .reversed()
                            .thenComparing(Path::toString))
                    .toList();
        }
        if (allProcesses || plain.size() <= 1) {
            return plain;
        }
        Path last = null;
        int lastImage = -1;
        for (Path trace : plain) {
            Matcher name = TRACE_NAME.matcher(String.valueOf(trace.getFileName()));
            if (name.matches() && Long.parseLong(name.group(2)) == pid) {
                int image = name.group(3) == null ? 0 : Integer.parseInt(name.group(3));
                if (image > lastImage) {
                    last = trace;
                    lastImage = image;
                }
            }
        }
        String why = "the program's own process";
        if (last == null || isShell(last)) {
            why = last == null
                    ? "the largest: the started process left none"
                    : "the largest: the started process ended as a shell";
            Path shell = last;
            last = plain.stream().filter(trace -> trace != shell).findFirst().orElse(plain.get(0));
        }
        out.printf(
                Locale.ROOT,
                "traced %d processes; keeping %s (%s); --all-processes keeps every one%n",
                plain.size(),
                last.getFileName(),
                why);
        return List.of(last);
    }

    private static boolean isShell(Path trace) {
        Matcher name = TRACE_NAME.matcher(String.valueOf(trace.getFileName()));
        return name.lookingAt() && SHELLS.contains(name.group(1));
    }

    /** Gzips every trace in {@code plain} into {@code --out}, in order, and prints a line each. */
    private List<Collected> collect(List<Path> plain, PrintWriter out, PrintWriter err) throws IOException {
        List<Collected> written = new ArrayList<>();
        for (Path trace : plain) {
            Path gz = outDir.resolve(trace.getFileName() + ".gz");
            long plainBytes = sizeOf(trace);
            if (plainBytes >= LARGE_TRACE_BYTES) {
                err.printf(
                        Locale.ROOT,
                        "mempred capture: compressing and checking %s (%,d MB) ...%n",
                        trace.getFileName(),
                        plainBytes >> 20);
                err.flush();
            }
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
            written.add(new Collected(gz, summary));
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
