package org.mempred.predict.neural;

import java.io.IOException;

/**
 * A weights file that cannot be used: corrupt, edited, of another format version, or made for
 * another network than the one that loads it. The message names the file and what was wrong.
 */
public final class InvalidWeightsException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;

    /** The file (or resource) {@code source} is unusable because of {@code problem}. */
    public InvalidWeightsException(String source, String problem) {
        super("weights file " + source + ": " + problem);
        this.source = source;
        this.problem = problem;
    }

    /** The file or resource that was read. */
    public String source() {
        return source;
    }

    /** What was wrong with it. */
    public String problem() {
        return problem;
    }
}
