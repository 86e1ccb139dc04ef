package org.mempred.lab.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * File chores around traces: compressing a captured plain trace to {@code .gz} at the best
 * compression level (traces are highly repetitive text, about 3:1). Streams; constant memory.
 */
public final class TraceFiles {
    private static final int BUFFER_BYTES = 1 << 16;

    private TraceFiles() {}

    /**
     * Compresses {@code plain} into {@code gzip} (written to a temporary sibling, then moved into
     * place, so a reader never sees half a file).
     *
     * @return the size of {@code gzip} in bytes
     * @throws IOException when reading or writing fails
     */
    public static long gzip(Path plain, Path gzip) throws IOException {
        Path target = gzip.toAbsolutePath();
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial-"
                + ProcessHandle.current().pid());
        try {
            try (InputStream in = Files.newInputStream(plain);
                    OutputStream out = new BestGzipOutputStream(Files.newOutputStream(partial))) {
                in.transferTo(out);
            }
            Files.move(partial, gzip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return Files.size(gzip);
    }

    /** A gzip stream at {@link Deflater#BEST_COMPRESSION}. */
    private static final class BestGzipOutputStream extends GZIPOutputStream {
        BestGzipOutputStream(OutputStream out) throws IOException {
            super(out, BUFFER_BYTES);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
