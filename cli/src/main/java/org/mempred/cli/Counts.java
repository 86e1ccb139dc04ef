package org.mempred.cli;

/** Parses whole-number counts given on the command line (seeds, threads, epochs). */
final class Counts {
    private Counts() {}

    /**
     * The count in {@code text}.
     *
     * @throws IllegalArgumentException naming {@code option} when it is not a whole number >= 1
     */
    static int positive(String text, String option) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the option's name
        }
        throw new IllegalArgumentException(option + "='" + text + "' must be a whole number >= 1");
    }
}
