package org.mempred.live;

import java.lang.management.ManagementFactory;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.mempred.govern.Governor;
import org.mempred.govern.PolicySpec;
import org.mempred.heap.HeapStats;
import org.mempred.predict.accuracy.AccuracyReport;

/**
 * Registers the MXBeans of a {@link LiveSystem} on the platform MBean server, so jconsole and
 * VisualVM see {@code org.mempred:type=Heap} and {@code org.mempred:type=Governor}. Attributes are
 * read live on each access. Closing unregisters both.
 */
public final class Jmx implements AutoCloseable {
    /** Name of the heap MXBean. */
    public static final String HEAP_NAME = "org.mempred:type=Heap";
    /** Name of the governor MXBean. */
    public static final String GOVERNOR_NAME = "org.mempred:type=Governor";

    private final MBeanServer server;
    private final ObjectName heapName;
    private final ObjectName governorName;

    private Jmx(MBeanServer server, ObjectName heapName, ObjectName governorName) {
        this.server = server;
        this.heapName = heapName;
        this.governorName = governorName;
    }

    /**
     * Registers both beans for {@code system}.
     *
     * @throws IllegalStateException when beans of these names are already registered
     */
    public static Jmx register(LiveSystem system) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName heapName = new ObjectName(HEAP_NAME);
            ObjectName governorName = new ObjectName(GOVERNOR_NAME);
            server.registerMBean(new HeapBean(system), heapName);
            try {
                server.registerMBean(new GovernorBean(system), governorName);
            } catch (JMException e) {
                server.unregisterMBean(heapName);
                throw e;
            }
            return new Jmx(server, heapName, governorName);
        } catch (InstanceAlreadyExistsException e) {
            throw new IllegalStateException("mempred MXBeans are already registered in this JVM", e);
        } catch (JMException e) {
            throw new IllegalStateException("cannot register mempred MXBeans: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (ObjectName name : new ObjectName[] {heapName, governorName}) {
            try {
                server.unregisterMBean(name);
            } catch (InstanceNotFoundException e) {
                // already gone: nothing to undo
            } catch (JMException e) {
                throw new IllegalStateException("cannot unregister " + name + ": " + e.getMessage(), e);
            }
        }
    }

    private record HeapBean(LiveSystem system) implements HeapMXBean {
        private HeapStats stats() {
            return system.heap().stats();
        }

        @Override
        public long getCapacityBytes() {
            return stats().capacityBytes();
        }

        @Override
        public long getUsedBytes() {
            return stats().usedBytes();
        }

        @Override
        public long getFreeBytes() {
            return stats().freeBytes();
        }

        @Override
        public long getLargestFreeBytes() {
            return stats().largestFreeBytes();
        }

        @Override
        public long getFreeBlocks() {
            return stats().freeBlocks();
        }

        @Override
        public double getPressure() {
            return stats().pressure();
        }

        @Override
        public double getFragmentation() {
            return stats().fragmentation();
        }

        @Override
        public long getOomEvents() {
            return stats().oomEvents();
        }

        @Override
        public long getCompactionsTotal() {
            return stats().compactions();
        }

        @Override
        public long getCompactionsReactive() {
            return stats().directCompactions();
        }

        @Override
        public long getBytesMoved() {
            return stats().bytesMoved();
        }

        @Override
        public long compact() {
            return system.heap().compact().bytesMoved();
        }
    }

    private record GovernorBean(LiveSystem system) implements GovernorMXBean {
        private Governor governor() {
            return system.currentGovernor();
        }

        @Override
        public String getPolicy() {
            return governor().policy().name();
        }

        @Override
        public String getMode() {
            return governor().mode().name();
        }

        @Override
        public boolean isAutonomy() {
            return system.autonomy();
        }

        @Override
        public long getPredictions() {
            return governor().stats().predictions();
        }

        @Override
        public long getFallbacks() {
            return governor().stats().fallbacks();
        }

        @Override
        public long getWatchdogAlerts() {
            return governor().stats().watchdogAlerts();
        }

        @Override
        public long getCompactionsProactive() {
            return governor().stats().proactiveCompactions();
        }

        @Override
        public double getAccuracy() {
            return governor()
                    .accuracy()
                    .map(AccuracyReport::overall)
                    .filter(overall -> overall.count() > 0)
                    .map(overall -> overall.accuracy())
                    .orElse(Double.NaN);
        }

        @Override
        public void setPolicy(String name) {
            system.setPolicy(PolicySpec.parse(name)); // the JMX edge: text in, parsed once here
        }

        @Override
        public String train(int epochs) {
            LiveSystem.TrainingOutcome outcome = system.train(epochs);
            return String.format(
                    java.util.Locale.ROOT,
                    "trained %d epochs on %d examples: mse %.6f -> %.6f",
                    outcome.epochs(),
                    outcome.examples(),
                    outcome.mseBefore(),
                    outcome.mseAfter());
        }
    }
}
