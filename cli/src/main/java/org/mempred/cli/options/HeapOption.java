package org.mempred.cli.options;

import picocli.CommandLine.Option;

/**
 * {@code --heap SIZE} ({@code @Mixin} of demo, stress, train and shell): the capacity of the heap
 * the command builds, checked as {@link Sizes.HeapConverter} reads it. ({@code replay} also accepts
 * {@code auto}: see {@link HeapChoice}.)
 */
public final class HeapOption {
    @Option(
            names = "--heap",
            paramLabel = "SIZE",
            converter = Sizes.HeapConverter.class,
            defaultValue = "100KiB",
            description = "Heap capacity, e.g. 100KiB, 1MiB or 4096 (default: ${DEFAULT-VALUE}).")
    private int bytes;

    /** The capacity in bytes. */
    public int bytes() {
        return bytes;
    }
}
