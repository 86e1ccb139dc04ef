package org.mempred.govern;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Supplier;
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
        String trimmed = text.strip();
        int at = trimmed.indexOf('@');
        String base = at < 0 ? trimmed : trimmed.substring(0, at);
        String parameter = at < 0 ? null : trimmed.substring(at + 1);
        if (base.endsWith(PolicySpec.LARGEST_SUFFIX)) {
            Forecaster forecaster =
                    forecaster(text, base.substring(0, base.length() - PolicySpec.LARGEST_SUFFIX.length()));
            OptionalDouble margin = margin(text, parameter);
            return built(text, () -> new PolicySpec.Demand(forecaster, margin));
        }
        if (base.endsWith(PolicySpec.PEAK_SUFFIX)) {
            Forecaster forecaster =
                    forecaster(text, base.substring(0, base.length() - PolicySpec.PEAK_SUFFIX.length()));
            OptionalDouble threshold = decimal(text, parameter, "threshold", "a number in (0, 1]");
            return built(text, () -> new PolicySpec.Peak(forecaster, threshold));
        }
        return switch (base) {
            case Policies.REACTIVE -> withoutParameter(text, parameter, PolicySpec.Reactive.EVACUATE);
            case Policies.REACTIVE_SLIDE -> withoutParameter(text, parameter, PolicySpec.Reactive.SLIDE);
            case Policies.PERIODIC -> withoutParameter(text, parameter, new PolicySpec.Periodic());
            case Policies.LINUX -> {
                OptionalInt proactiveness = proactiveness(text, parameter);
                yield built(text, () -> new PolicySpec.Linux(proactiveness));
            }
            case Policies.RESERVE -> {
                OptionalDouble margin = margin(text, parameter);
                yield built(text, () -> new PolicySpec.Reserve(margin));
            }
            default -> {
                Forecaster forecaster = forecaster(text, base);
                OptionalDouble margin = margin(text, parameter);
                yield built(text, () -> new PolicySpec.Volume(forecaster, margin));
            }
        };
    }

    /** {@code spec}, refusing a parameter: these families take none. */
    private static PolicySpec withoutParameter(String text, String parameter, PolicySpec spec) {
        if (parameter != null) {
            throw new IllegalArgumentException("policy '" + text + "': " + spec.name() + " takes no @parameter");
        }
        return spec;
    }

    /** The spec {@code constructor} makes of parsed values, its range check reported against {@code text}. */
    private static PolicySpec built(String text, Supplier<PolicySpec> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("policy '" + text + "': " + e.getMessage(), e);
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
