package org.mempred.cli;

import java.util.Arrays;
import java.util.List;
import org.mempred.govern.Policies;

/**
 * Parses a {@code --policies} list: comma-separated policy names, each checked before anything
 * runs, or {@value #ALL} for every policy the core knows ({@link Policies#NAMES}).
 */
final class PolicyList {
    /** The word for every policy. */
    static final String ALL = "all";

    /** The policies stress and replay compare by default: the baselines, the predictors and the upper bound. */
    static final String DEFAULT = "reactive,periodic,neural,holt,zgc,linux,oracle";

    /** The {@code --policies} help text, with picocli's default-value variable. */
    static final String DESCRIPTION = "Comma-separated policies, or all for every one (a wrong name lists them)"
            + " (default: ${DEFAULT-VALUE}); reactive is the baseline and is always run.";

    private PolicyList() {}

    /**
     * The names in {@code text}, in order.
     *
     * @throws IllegalArgumentException naming the bad policy, or when the list names none
     */
    static List<String> parse(String text) {
        if (text.trim().equalsIgnoreCase(ALL)) {
            return Policies.NAMES;
        }
        List<String> names = Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .toList();
        for (String name : names) {
            try {
                Policies.validate(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--policies: " + e.getMessage(), e);
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("--policies='" + text + "' names no policy");
        }
        return names;
    }
}
