package org.mempred.cli;

import java.util.ArrayList;
import java.util.List;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec;

/**
 * Parses a {@code --policies} list: comma-separated policy names, each parsed into a
 * {@link PolicySpec} before anything runs, or {@value #ALL} for every policy the core knows
 * ({@link Policies#ALL}). This is the command line's edge: past it, policies travel as specs.
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
     * The policies {@code text} names, in order.
     *
     * @throws IllegalArgumentException naming the bad policy, or when the list names none
     */
    static List<PolicySpec> parse(String text) {
        if (text.trim().equalsIgnoreCase(ALL)) {
            return Policies.ALL;
        }
        List<PolicySpec> specs = new ArrayList<>();
        for (String name : text.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                specs.add(PolicySpec.parse(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--policies: " + e.getMessage(), e);
            }
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("--policies='" + text + "' names no policy");
        }
        return List.copyOf(specs);
    }
}
