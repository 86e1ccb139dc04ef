package org.mempred.govern;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.mempred.govern.PolicySpec.Forecaster;

/**
 * Reads {@code NAME[@PARAMETER]} into a {@link PolicySpec}: the one place policy text is parsed.
 * Errors name the text, what was wrong and what was expected, and list the valid names.
 */
final class PolicyParser {
    private PolicyParser() {}

    static PolicySpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty policy name; valid names: " + validNames());
        }
        try {
            return build(text, text.strip());
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("policy '") || e.getMessage().startsWith("unknown policy")) {
                throw e;
            }
            throw new IllegalArgumentException("policy '" + text + "': " + e.getMessage(), e);
        }
    }

    private static PolicySpec build(String text, String trimmed) {
        int at = trimmed.indexOf('@');
        String base = at < 0 ? trimmed : trimmed.substring(0, at);
        String parameter = at < 0 ? null : trimmed.substring(at + 1);
        if (base.endsWith(PolicySpec.PEAK_SUFFIX)) {
            Forecaster forecaster =
                    forecaster(text, base.substring(0, base.length() - PolicySpec.PEAK_SUFFIX.length()));
            return new PolicySpec.Peak(forecaster, decimal(text, parameter, "threshold", "a number in (0, 1]"));
        }
        switch (base) {
            case Policies.REACTIVE, Policies.REACTIVE_SLIDE, Policies.PERIODIC -> {
                if (parameter != null) {
                    throw new IllegalArgumentException("policy '" + text + "': " + base + " takes no @parameter");
                }
                return switch (base) {
                    case Policies.REACTIVE -> PolicySpec.Reactive.EVACUATE;
                    case Policies.REACTIVE_SLIDE -> PolicySpec.Reactive.SLIDE;
                    default -> new PolicySpec.Periodic();
                };
            }
            case Policies.LINUX -> {
                return new PolicySpec.Linux(proactiveness(text, parameter));
            }
            case Policies.RESERVE -> {
                return new PolicySpec.Reserve(margin(text, parameter));
            }
            default -> {
                return new PolicySpec.Demand(forecaster(text, base), margin(text, parameter));
            }
        }
    }

    private static Forecaster forecaster(String text, String label) {
        for (Forecaster forecaster : Forecaster.values()) {
            if (forecaster.label().equals(label)) {
                return forecaster;
            }
        }
        throw new IllegalArgumentException("unknown policy '" + text + "'; valid names: " + validNames());
    }

    private static String validNames() {
        return String.join(", ", Policies.NAMES) + " (all but reactive, reactive-slide and periodic also as"
                + " NAME@PARAMETER)";
    }

    private static OptionalDouble margin(String text, String parameter) {
        return decimal(text, parameter, "wake-up margin", "a number in [0, 4] (a fraction of the reserve)");
    }

    private static OptionalDouble decimal(String text, String parameter, String what, String expected) {
        if (parameter == null) {
            return OptionalDouble.empty();
        }
        try {
            double value = Double.parseDouble(parameter);
            if (Double.isFinite(value)) {
                return OptionalDouble.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "policy '" + text + "': " + what + " '" + parameter + "' is not " + expected);
    }

    private static OptionalInt proactiveness(String text, String parameter) {
        if (parameter == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(parameter));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "policy '" + text + "': proactiveness '" + parameter + "' is not a whole number in [0, 100]", e);
        }
    }
}
