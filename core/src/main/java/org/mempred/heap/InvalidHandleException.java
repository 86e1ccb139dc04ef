package org.mempred.heap;

/** A handle that does not name a live block: freed (stale), never issued, or made up. */
public final class InvalidHandleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidHandleException(String message) {
        super(message);
    }
}
