package org.mempred.cli.options;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/**
 * {@code replay --heap}: {@code auto} (sized from the trace's peak live bytes) or a fixed capacity
 * (as {@link Sizes.HeapConverter} reads it).
 */
public sealed interface HeapChoice {
    /** The word for a heap sized from the trace. */
    String AUTO = "auto";

    /** The heap is sized from the trace's peak live bytes at the target pressure. */
    record Auto() implements HeapChoice {}

    /** The heap has {@code bytes} of capacity, as given. */
    record Fixed(int bytes) implements HeapChoice {}

    /** {@code auto} or a heap capacity. */
    final class Converter implements ITypeConverter<HeapChoice> {
        @Override
        public HeapChoice convert(String text) {
            return text.trim().toLowerCase(Locale.ROOT).equals(AUTO)
                    ? new Auto()
                    : new Fixed(Sizes.parseHeapBytes(text, true));
        }
    }
}
