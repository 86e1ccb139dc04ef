package org.mempred.lab.reproduce;

import tools.jackson.databind.node.ObjectNode;

/**
 * Which code produced a report: the commit checked out when the run started and whether the
 * working tree differed from it. Read at the command-line edge (the lab runs no processes) and
 * printed in report.md and results.json, so a figure can be traced to the code that made it;
 * {@link #UNKNOWN} when the run was not started from a git checkout or git could not tell.
 *
 * @param commit the full commit id, or {@code "unknown"}
 * @param tree whether the working tree was clean
 */
public record Provenance(String commit, Tree tree) {
    /** Nothing is known: no git, or not a checkout. */
    public static final Provenance UNKNOWN = new Provenance("unknown", Tree.UNKNOWN);

    /** The working tree against the commit. */
    public enum Tree {
        /** No change to tracked or untracked files. */
        CLEAN,
        /** Some file differs from the commit, or is untracked: the figures may not come from the commit alone. */
        DIRTY,
        /** Could not be read. */
        UNKNOWN;

        /** The state as the report prints it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Checks the fields. */
    public Provenance {
        if (commit == null || commit.isBlank() || tree == null) {
            throw new IllegalArgumentException(
                    "commit='" + commit + "' must be a commit id or 'unknown', tree=" + tree + " must be given");
        }
    }

    /** The provenance in words, e.g. {@code "commit 1a2b… (clean tree)"} or {@code "unknown"}. */
    public String describe() {
        if (this.equals(UNKNOWN)) {
            return "unknown (not run from a git checkout)";
        }
        return "`" + commit + "` (" + tree.label() + " tree"
                + (tree == Tree.DIRTY ? ": uncommitted changes were present" : "") + ")";
    }

    /** The provenance as {@code {"commit", "tree"}}. */
    void json(ObjectNode into) {
        into.put("commit", commit);
        into.put("tree", tree.label());
    }
}
