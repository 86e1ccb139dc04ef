package org.mempred.lab.trace;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The trace formats the lab reads, in one place: the versions of the {@code mempred-trace} text
 * format ({@link TraceReader} parses by them, the capture library ({@code tools/alloctrace}) writes
 * the newest) and Android's {@code memory_replay} dumps ({@link AospDumpReader}, no header line);
 * docs/design.md ("Trace formats") describes the same lines.
 *
 * <pre>
 *   version  header               allocate line                  free line
 *   v1       # mempred-trace v1   &lt;t_ns&gt; a &lt;id&gt; &lt;size&gt;          &lt;t_ns&gt; f &lt;id&gt;
 *   v2       # mempred-trace v2   &lt;t_ns&gt; a &lt;id&gt; &lt;size&gt; &lt;site&gt;   &lt;t_ns&gt; f &lt;id&gt;
 * </pre>
 *
 * <p>{@code t_ns}, {@code id} and {@code size} are non-negative decimal integers ({@code size}
 * below 2^31). {@code site} (v2) is the allocation site: 1 to 16 hexadecimal digits (either case)
 * of a 64-bit id, stable across runs of the same binary, {@code 0} when the site is unknown. The
 * capture library hashes the top return addresses of the allocation, each taken relative to the
 * base of the module (executable or shared library) that holds it, so ASLR does not change it.
 * Lines starting with {@code #} and blank lines are skipped; fields are separated by blanks.
 */
public enum TraceFormat {
    /** Events without sites. */
    V1("# mempred-trace v1", false),
    /** Allocations carry their site. */
    V2("# mempred-trace v2", true),
    /** An AOSP {@code memory_replay} dump: threads, no sites, no header ({@link AospDumpReader}). */
    AOSP(null, false);

    /** The format {@code capture} writes. */
    public static final TraceFormat NEWEST = V2;

    private final String header;
    private final boolean sites;

    TraceFormat(String header, boolean sites) {
        this.header = header;
        this.sites = sites;
    }

    /** The required first line of a {@code mempred-trace} version; null for {@link #AOSP}, which has none. */
    public String header() {
        return header;
    }

    /** What a report calls the format, e.g. {@code mempred-trace v1, no sites}. */
    public String describe() {
        return switch (this) {
            case V1 -> "mempred-trace v1, no sites";
            case V2 -> "mempred-trace v2, with sites";
            case AOSP -> "AOSP memory_replay dump, no sites";
        };
    }

    /** Whether allocation lines carry a site column. */
    public boolean hasSites() {
        return sites;
    }

    /** Every {@code mempred-trace} header, oldest first, for messages. */
    public static List<String> headers() {
        return Arrays.stream(values())
                .map(TraceFormat::header)
                .filter(Objects::nonNull)
                .toList();
    }
}
