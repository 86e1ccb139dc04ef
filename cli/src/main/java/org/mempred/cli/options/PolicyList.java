package org.mempred.cli.options;

import java.util.ArrayList;
import java.util.List;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A {@code --policies} list: comma-separated policy names, each parsed into a {@link PolicySpec}
 * before anything runs, or {@value #ALL} for every policy the core knows ({@link Policies#ALL}).
 * This is the command line's edge: past it, policies travel as specs.
 *
 * @param specs the policies, in the order given
 */
public record PolicyList(List<PolicySpec> specs) {
    /** The word for every policy. */
    public static final String ALL = "all";

    /**
     * The policies stress and replay compare by default: the baselines, {@code reserve} (the reserve
     * with no forecast, which every forecaster must beat to be worth its forecast), the forecasters
     * and the upper bound.
     */
    public static final String DEFAULT = "reactive,periodic,reserve,neural,holt,zgc,linux,oracle";

    /** The {@code --policies} help text, with picocli's default-value variable. */
    public static final String DESCRIPTION = "Comma-separated policies, or all for every one (a wrong name lists them)"
            + " (default: ${DEFAULT-VALUE}); reactive is the baseline and is always run.";

    /** Copies {@code specs}. */
    public PolicyList {
        specs = List.copyOf(specs);
    }

    /** {@code --policies}: the list, every policy parsed. */
    public static final class Converter implements ITypeConverter<PolicyList> {
        @Override
        public PolicyList convert(String text) {
            return parse(text);
        }
    }

    /**
     * The policies {@code text} names, in order.
     *
     * @throws TypeConversionException naming the bad policy, or when the list names none
     */
    public static PolicyList parse(String text) {
        if (text.trim().equalsIgnoreCase(ALL)) {
            return new PolicyList(Policies.ALL);
        }
        PolicyConverter one = new PolicyConverter();
        List<PolicySpec> specs = new ArrayList<>();
        for (String name : text.split(",")) {
            if (!name.isBlank()) {
                specs.add(one.convert(name));
            }
        }
        if (specs.isEmpty()) {
            throw new TypeConversionException("'" + text + "' names no policy");
        }
        return new PolicyList(specs);
    }
}
