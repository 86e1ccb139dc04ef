package org.mempred.cli.options;

import org.mempred.govern.Placement;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --placement NAME}: parsed while the command line is read; a bad name lists the valid ones. */
public final class PlacementConverter implements ITypeConverter<Placement> {
    @Override
    public Placement convert(String text) {
        try {
            return Placement.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
