package org.mempred.cli.options;

import java.util.Locale;
import org.mempred.lab.workload.Workload;
import org.mempred.lab.workload.Workloads;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --workload NAME} ({@code @Mixin} of stress and train): which synthetic workload to run. The
 * name is checked against {@link Workloads#NAMES} while the command line is parsed; the workload
 * itself is built later, once the demand and heap it runs at are known.
 */
public final class WorkloadOption {
    @Option(
            names = "--workload",
            paramLabel = "NAME",
            converter = Name.class,
            defaultValue = Workloads.STRESS,
            description = "stress (one pressure-level stressor), mix (four subsystems sharing the heap), bursty"
                    + " (small-block churn with bursts of packet buffers filling 5 %% of the heap), bursty-regular"
                    + " (bursts of 25 %%, exact gaps), bursty-large (bursts of 50 %% over 0.5-2.5 s),"
                    + " bursty-irregular (bursts of 35 %%, exponential gaps) or bursty-stream (2.5 s streams of"
                    + " buffers held for milliseconds) (default: ${DEFAULT-VALUE}).")
    private String name;

    /** The workload's name, one of {@link Workloads#NAMES}. */
    public String name() {
        return name;
    }

    /** The workload at {@code demand} on a heap of {@code heapBytes}. */
    public Workload workload(double demand, int heapBytes) {
        return Workloads.byName(name, "--workload", demand, heapBytes);
    }

    /** A workload name, in lower case. */
    public static final class Name implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            String name = text.trim().toLowerCase(Locale.ROOT);
            if (!Workloads.NAMES.contains(name)) {
                throw new TypeConversionException(
                        "'" + text + "' is unknown; valid: " + String.join(", ", Workloads.NAMES));
            }
            return name;
        }
    }
}
