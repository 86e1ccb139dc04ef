package org.mempred.cli.options;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks every input and output path of a command before any work starts, so that a typo costs one
 * line (exit code 1), not a stack trace after minutes of simulation.
 *
 * <p>Output files are probed by opening them for writing (without truncating) and removing the
 * probe when the file did not exist before; output directories are created and probed with a
 * temporary file. {@code -} stands for standard output wherever {@link #STDOUT} is accepted.
 */
public final class PathChecks {
    /** The file name that means standard output ({@code --json -}). */
    public static final String STDOUT = "-";

    private PathChecks() {}

    /** Whether {@code file} means standard output. */
    public static boolean isStdout(Path file) {
        return file != null && file.toString().equals(STDOUT);
    }

    /**
     * Checks that {@code file} exists and is a readable regular file.
     *
     * @param what how the message names it, e.g. {@code "--trace"} or {@code "trace"}
     * @throws CommandIoException naming {@code what} and the file otherwise
     */
    public static void readableFile(Path file, String what) {
        if (!Files.exists(file)) {
            throw new CommandIoException(what + " " + file + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new CommandIoException(what + " " + file + " is a directory, not a file");
        }
        if (!Files.isReadable(file)) {
            throw new CommandIoException(what + " " + file + " is not readable (permission denied)");
        }
    }

    /**
     * Checks that {@code file} can be written: its directory exists and it is not a directory itself.
     *
     * @throws CommandIoException naming {@code option} and the file otherwise
     */
    // The probe channel is opened only to prove the file can be written; its body is empty on purpose.
    @SuppressWarnings("try")
    public static void writableFile(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw new CommandIoException(
                    "cannot write " + option + " " + file + ": it is a directory; expected a file name");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new CommandIoException(
                    "cannot write " + option + " " + file + ": directory " + parent + " does not exist");
        }
        boolean existed = Files.exists(file);
        try (SeekableByteChannel probe =
                Files.newByteChannel(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            // opened for writing: the file can be written later
        } catch (IOException e) {
            throw new CommandIoException("cannot write " + option + " " + file + ": " + reason(e), e);
        }
        if (!existed) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new CommandIoException("cannot write " + option + " " + file + ": " + reason(e), e);
            }
        }
    }

    /**
     * Creates {@code dir} when missing and checks that files can be written into it.
     *
     * @throws CommandIoException naming {@code option} and the directory otherwise
     */
    public static void writableDirectory(Path dir, String option) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new CommandIoException(
                    "cannot write into " + option + " " + dir + ": it exists and is not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CommandIoException("cannot create " + option + " directory " + dir + " (" + reason(e) + ")", e);
        }
        try {
            Path probe = Files.createTempFile(dir, ".mempred-probe-", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new CommandIoException("cannot write into " + option + " " + dir + ": " + reason(e), e);
        }
    }

    /**
     * Writes {@code text} to {@code file}, or to {@code stdout} when the file is {@link #STDOUT}.
     *
     * @throws CommandIoException naming {@code option} and the file when it cannot be written
     */
    public static void write(Path file, String text, PrintWriter stdout, String option) {
        if (isStdout(file)) {
            stdout.print(text);
            stdout.flush();
            return;
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandIoException("cannot write " + option + " " + file + ": " + reason(e), e);
        }
    }

    /** A short reason for {@code e}, without repeating the path it names. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
