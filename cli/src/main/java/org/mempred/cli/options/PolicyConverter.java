package org.mempred.cli.options;

import org.mempred.govern.PolicySpec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One policy option or parameter ({@code --policy}, the shell's {@code policy NAME}): parsed into a
 * {@link PolicySpec} while the command line is read, so a bad name is refused with picocli's
 * message naming the option, the value and the valid names, before anything runs.
 */
public final class PolicyConverter implements ITypeConverter<PolicySpec> {
    @Override
    public PolicySpec convert(String text) {
        try {
            return PolicySpec.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
