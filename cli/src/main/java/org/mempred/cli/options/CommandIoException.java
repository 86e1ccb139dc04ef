package org.mempred.cli.options;

/**
 * A file or directory a command needs cannot be read or written. The command line prints its message
 * as one {@code mempred:} line and exits with code 1 (bad option values exit with 2).
 */
public final class CommandIoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}, which names the path and the option. */
    public CommandIoException(String message) {
        super(message);
    }

    /** A problem described by {@code message}, caused by {@code cause}. */
    public CommandIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
