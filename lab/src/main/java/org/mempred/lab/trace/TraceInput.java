package org.mempred.lab.trace;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Opens a trace file as a {@link TraceSource}, deciding everything from the content:
 *
 * <pre>
 *   first bytes 1f 8b          gzip      -&gt; decompressed
 *   first bytes 'P' 'K' 03 04  zip       -&gt; the first entry (in archive order) that holds a trace
 *   otherwise                  plain text
 *   then the first non-blank line:
 *     "&lt;digits&gt;:" + blank    an AOSP memory_replay dump  -&gt; {@link AospDumpReader}
 *     anything else            a mempred-trace             -&gt; {@link TraceReader} (which names a bad header)
 * </pre>
 *
 * <p><b>Zip</b>: Android's dumps ship as one {@code .txt} per archive. Entries that are directories
 * or hold no trace (a README) are skipped; the first entry that holds one is read, and the entries
 * after it are not looked at: an archive of several dumps replays its first, and the trace's name,
 * {@code path!entry}, says which. An archive with no trace is an error listing its entries.
 *
 * <p>Cost: one look at the first {@value #SNIFF_BYTES} decoded bytes (a pushback buffer), then the
 * reader streams as for a plain file.
 */
final class TraceInput {
    static final int SNIFF_BYTES = 256;
    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final int SHOWN_ENTRIES = 5;

    /** What the first line of a decoded trace looks like. */
    enum Kind {
        /** {@code <tid>: ...}. */
        AOSP,
        /** Anything else: a {@code mempred-trace} or not a trace at all. */
        MEMPRED,
        /** Nothing but blanks in the first {@value #SNIFF_BYTES} bytes, or no bytes. */
        EMPTY
    }

    private TraceInput() {}

    static TraceSource open(Path path, long nanosPerCall) throws IOException {
        AospDumpReader.requireClock(nanosPerCall);
        PushbackInputStream file = new PushbackInputStream(Files.newInputStream(path), ZIP_MAGIC.length);
        InputStream opened = file;
        try {
            byte[] magic = peek(file, ZIP_MAGIC.length, path.toString(), "");
            if (magic.length >= 2 && (magic[0] & 0xff) == GZIP_MAGIC_0 && (magic[1] & 0xff) == GZIP_MAGIC_1) {
                opened = TraceReader.gunzip(file, path);
                return source(opened, path.toString(), nanosPerCall, "gzip");
            }
            if (Arrays.equals(magic, ZIP_MAGIC)) {
                ZipInputStream zip = new ZipInputStream(file);
                opened = zip;
                return fromZip(zip, path, nanosPerCall);
            }
            return source(file, path.toString(), nanosPerCall, "");
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /** The reader for {@code decoded}, chosen by its first line. */
    private static TraceSource source(InputStream decoded, String name, long nanosPerCall, String container)
            throws IOException {
        PushbackInputStream in = new PushbackInputStream(decoded, SNIFF_BYTES);
        byte[] head = peek(in, SNIFF_BYTES, name, container);
        return kind(head) == Kind.AOSP ? new AospDumpReader(in, name, nanosPerCall) : new TraceReader(in, name);
    }

    private static TraceSource fromZip(ZipInputStream zip, Path path, long nanosPerCall) throws IOException {
        List<String> skipped = new ArrayList<>();
        ZipEntry entry;
        while ((entry = nextEntry(zip, path)) != null) {
            if (entry.isDirectory()) {
                continue;
            }
            String name = path + "!" + entry.getName();
            PushbackInputStream in = new PushbackInputStream(zip, SNIFF_BYTES);
            byte[] head = peek(in, SNIFF_BYTES, name, "zip");
            Kind kind = kind(head);
            if (kind == Kind.AOSP) {
                return new AospDumpReader(in, name, nanosPerCall);
            }
            if (kind == Kind.MEMPRED && startsWith(head, "# mempred-trace")) {
                return new TraceReader(in, name);
            }
            skipped.add(entry.getName());
        }
        throw new TraceFormatException(
                path.toString(),
                1,
                "a zip archive with no trace in it: expected an entry holding an AOSP memory_replay dump or a"
                        + " mempred trace, found " + (skipped.isEmpty() ? "no files" : describe(skipped)));
    }

    private static ZipEntry nextEntry(ZipInputStream zip, Path path) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (ZipException | EOFException e) {
            throw new TraceFormatException(path.toString(), 1, "corrupt zip archive: " + e.getMessage(), e);
        }
    }

    private static String describe(List<String> entries) {
        List<String> shown = entries.subList(0, Math.min(entries.size(), SHOWN_ENTRIES));
        return entries.size() + " other file(s): " + String.join(", ", shown)
                + (entries.size() > shown.size() ? ", ..." : "");
    }

    /**
     * Reads up to {@code count} bytes and pushes them back; fewer only at the end of the input. A
     * {@code container} ({@code gzip}, {@code zip}, or empty for plain) that ends early or is
     * corrupt is a format error at line 1.
     */
    private static byte[] peek(PushbackInputStream in, int count, String name, String container) throws IOException {
        byte[] head;
        try {
            head = in.readNBytes(count);
        } catch (EOFException e) {
            throw new TraceFormatException(
                    name,
                    1,
                    "truncated " + container
                            + ": the compressed data ends before its trailer (an interrupted copy or capture?)",
                    e);
        } catch (ZipException e) {
            throw new TraceFormatException(name, 1, "corrupt " + container + " data: " + e.getMessage(), e);
        }
        in.unread(head);
        return head;
    }

    /** What {@code head}, the first decoded bytes, starts as. */
    static Kind kind(byte[] head) {
        int p = 0;
        while (p < head.length && isSpace(head[p])) {
            p++;
        }
        if (p == head.length) {
            return Kind.EMPTY;
        }
        int digits = p;
        while (p < head.length && head[p] >= '0' && head[p] <= '9') {
            p++;
        }
        boolean tid =
                p > digits && p + 1 < head.length && head[p] == ':' && (head[p + 1] == ' ' || head[p + 1] == '\t');
        return tid ? Kind.AOSP : Kind.MEMPRED;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private static boolean startsWith(byte[] head, String text) {
        if (head.length < text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (head[i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
