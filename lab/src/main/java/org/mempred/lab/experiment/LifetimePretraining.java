package org.mempred.lab.experiment;

import com.carrotsearch.hppc.LongObjectHashMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.mempred.lab.workload.EventKind;
import org.mempred.lab.workload.EventStream;
import org.mempred.lab.workload.HeapEvent;
import org.mempred.lab.workload.StressWorkload;
import org.mempred.lab.workload.SubsystemMix;
import org.mempred.lab.workload.Workload;
import org.mempred.lifetime.LifetimeClass;
import org.mempred.predict.neural.NeuralLifetimePredictor;

/**
 * Trains the weights {@code neural-lifetime} ships with: the network, from seeded random weights,
 * learns online from every free of lab workloads on training seeds (1001 and up, disjoint from
 * the seeds experiments evaluate on): the stressor at demand 80, 90 and 95 % and the subsystem
 * mix at 90 %, 10 minutes each, on a 100 KiB heap. No trace is used, so the shipped traces stay
 * unseen. Writes the resource file:
 *
 * <pre>
 *   java -cp cli/target/mempred.jar org.mempred.lab.experiment.LifetimePretraining \
 *        core/src/main/resources/org/mempred/predict/neural/lifetime-pretrained.txt
 * </pre>
 */
public final class LifetimePretraining {
    private static final int HEAP_BYTES = 102_400;
    private static final long TEN_MINUTES = 600_000_000_000L;
    private static final long NETWORK_SEED = 1001;

    private LifetimePretraining() {}

    /** Trains and writes the weights to {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: LifetimePretraining OUT_FILE");
        }
        NeuralLifetimePredictor network = NeuralLifetimePredictor.untrained(NETWORK_SEED);
        Workload[] workloads = {
            StressWorkload.kernel(0.80, HEAP_BYTES),
            StressWorkload.kernel(0.90, HEAP_BYTES),
            StressWorkload.kernel(0.95, HEAP_BYTES),
            new SubsystemMix(0.90, HEAP_BYTES)
        };
        long frees = 0;
        long seed = 1001;
        for (Workload workload : workloads) {
            try (EventStream stream = workload.open(seed++, TEN_MINUTES)) {
                frees += train(network, stream);
            }
        }
        StringBuilder text = new StringBuilder();
        text.append("# neural-lifetime pre-trained weights (Mlp layout, 4->8->1, 49 values)\n");
        text.append("# written by org.mempred.lab.experiment.LifetimePretraining from ")
                .append(frees)
                .append(" frees of the stressor at 80/90/95 % and the mix at 90 %, seeds 1001-1004\n");
        for (double p : network.parameters()) {
            text.append(String.format(Locale.ROOT, "%.17g%n", p));
        }
        Files.writeString(Path.of(args[0]), text, StandardCharsets.UTF_8);
    }

    /** Feeds every free of {@code stream} to the network; returns the frees. */
    static long train(NeuralLifetimePredictor network, EventStream stream) {
        LongObjectHashMap<long[]> live = new LongObjectHashMap<>(); // id -> {site, size, born}
        HeapEvent e = stream.event();
        long frees = 0;
        while (stream.next()) {
            if (e.kind() == EventKind.ALLOCATE) {
                network.predict(e.site(), e.sizeBytes(), -1);
                live.put(e.id(), new long[] {e.site(), e.sizeBytes(), e.timeNanos()});
            } else if (e.kind() == EventKind.FREE) {
                long[] block = live.remove(e.id());
                if (block != null) {
                    network.observe(block[0], (int) block[1], LifetimeClass.of(e.timeNanos() - block[2]));
                    frees++;
                }
            }
        }
        return frees;
    }
}
