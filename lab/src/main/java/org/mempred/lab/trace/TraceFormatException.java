package org.mempred.lab.trace;

/**
 * A trace that does not follow its {@code mempred-trace} version: a malformed line, a truncated or corrupt
 * gzip stream. The message always starts with {@code file:line:} and says what was expected, so a
 * user can open the file at that line. An {@link IllegalArgumentException}: the input is bad, not
 * the program (the command line reports it and exits with code 2).
 */
public final class TraceFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The trace's name as given (usually its path). */
    private final String traceName;

    /** 1-based line number the problem was found at. */
    private final long lineNumber;

    /** A problem at {@code lineNumber} of {@code traceName}, described by {@code detail}. */
    public TraceFormatException(String traceName, long lineNumber, String detail) {
        this(traceName, lineNumber, detail, null);
    }

    /** As {@link #TraceFormatException(String, long, String)}, caused by {@code cause}. */
    public TraceFormatException(String traceName, long lineNumber, String detail, Throwable cause) {
        super(traceName + ":" + lineNumber + ": " + detail, cause);
        this.traceName = traceName;
        this.lineNumber = lineNumber;
    }

    /** The trace's name (usually its path). */
    public String traceName() {
        return traceName;
    }

    /** 1-based line number of the problem. */
    public long lineNumber() {
        return lineNumber;
    }
}
