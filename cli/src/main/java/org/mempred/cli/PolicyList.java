package org.mempred.cli;

import java.util.Arrays;
import java.util.List;
import org.mempred.govern.Policies;

/** Parses a {@code --policies} list: comma-separated policy names, each checked before anything runs. */
final class PolicyList {
    private PolicyList() {}

    /**
     * The names in {@code text}, in order.
     *
     * @throws IllegalArgumentException naming the bad policy, or when the list names none
     */
    static List<String> parse(String text) {
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
