package org.mempred.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.mempred.lab.reproduce.Provenance;

/**
 * Reads which commit a run starts from: {@code git rev-parse HEAD} and {@code git status
 * --porcelain} in the working directory, at the command-line edge so the lab itself runs no
 * process. Anything short of two clean answers (no git on the PATH, not a checkout, an error exit,
 * a reply that is not a commit id, no answer within {@link #TIMEOUT_SECONDS}) gives
 * {@link Provenance#UNKNOWN}: a report never fails for want of git, and never guesses.
 */
final class GitProvenance {
    /** How long each git command may take. */
    static final long TIMEOUT_SECONDS = 10;

    private static final File NULL_INPUT =
            new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    private GitProvenance() {}

    /** The provenance of {@code directory} with the {@code git} on the PATH. */
    static Provenance of(Path directory) {
        return of("git", directory);
    }

    /** The provenance of {@code directory} as {@code git} (a command name or path) reports it. */
    static Provenance of(String git, Path directory) {
        String commit = run(List.of(git, "rev-parse", "HEAD"), directory);
        if (commit == null || !COMMIT.matcher(commit.strip()).matches()) {
            return Provenance.UNKNOWN;
        }
        String status = run(List.of(git, "status", "--porcelain"), directory);
        Provenance.Tree tree = status == null
                ? Provenance.Tree.UNKNOWN
                : status.isBlank() ? Provenance.Tree.CLEAN : Provenance.Tree.DIRTY;
        return new Provenance(commit.strip(), tree);
    }

    /** The command's standard output, or null when it could not run or did not exit with 0 in time. */
    private static String run(List<String> command, Path directory) {
        Path output = null;
        try {
            output = Files.createTempFile("mempred-git", ".out");
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(NULL_INPUT))
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return process.exitValue() == 0 ? Files.readString(output, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
