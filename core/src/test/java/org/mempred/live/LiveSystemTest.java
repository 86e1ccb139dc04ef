package org.mempred.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.mempred.govern.GovernorConfig;
import org.mempred.govern.PolicySpec;
import org.mempred.heap.Allocation;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.AllocationRequest;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.CompactionResult;
import org.mempred.heap.DirectCompaction;
import org.mempred.metrics.Metrics;
import org.mempred.predict.PredictorConfig;

class LiveSystemTest {
    private static final long TICK = 500_000_000L;
    private final long[] now = {0};
    private final CompactingHeap heap = new CompactingHeap(32 * 1024);

    private LiveSystem system(String policy) {
        return new LiveSystem(
                heap,
                PolicySpec.parse(policy),
                PredictorConfig.DEFAULTS,
                GovernorConfig.DEFAULTS,
                UnaryOperator.identity(),
                () -> now[0]);
    }

    /** Churns the heap between ticks so that pressure moves and labels mature. */
    private void run(LiveSystem system, int ticks, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Long> live = new ArrayList<>();
        for (int t = 0; t < ticks; t++) {
            for (int i = 0; i < 20; i++) {
                boolean grow = live.isEmpty() || random.nextInt(100) < 50 + 30 * Math.sin(t / 10.0);
                if (grow) {
                    long h = heap.tryAllocate(16 + random.nextInt(600), AllocationMode.MAY_COMPACT);
                    if (h != 0) {
                        live.add(h);
                    }
                } else {
                    heap.free(live.remove(random.nextInt(live.size())));
                }
            }
            now[0] += TICK;
            system.tick();
        }
    }

    @Test
    void metricsNameEveryRequiredFigure() {
        try (LiveSystem system = system("neural")) {
            run(system, 40, 1);
            Map<String, Number> metrics = system.metrics();
            assertThat(metrics)
                    .containsKeys(
                            "heap_used_bytes",
                            "heap_free_bytes",
                            "heap_largest_free_bytes",
                            "heap_pressure",
                            "heap_fragmentation",
                            "oom_events",
                            "compactions_total",
                            "compactions_proactive",
                            "compactions_reactive",
                            "mempred_predictions",
                            "mempred_accuracy",
                            "mempred_fallbacks",
                            "watchdog_alerts");
            assertThat(metrics.get("heap_used_bytes")).isEqualTo((long) heap.usedBytes());
            assertThat(metrics.get("mempred_predictions"))
                    .isEqualTo(system.currentGovernor().stats().predictions());
            String text = Metrics.format(metrics);
            assertThat(text.lines()).allMatch(line -> line.matches("METRIC [a-z][a-z0-9_]*=-?[0-9]+(\\.[0-9]+)?"));
        }
    }

    @Test
    void aPolicyThatCannotBeBuiltIsRefusedAndTheOldOneKeepsRunning() {
        try (LiveSystem system = system("holt")) {
            assertThatThrownBy(() -> system.setPolicy(PolicySpec.parse("oracle")))
                    .hasMessageContaining("oracle");
            assertThat(system.currentGovernor().policy().name()).isEqualTo("holt");
            system.setPolicy(PolicySpec.parse("linux"));
            assertThat(system.currentGovernor().policy().name()).isEqualTo("linux");
        }
    }

    @Test
    void trainRunsEpochsOverRecordedLabelsAndReportsLoss() {
        try (LiveSystem system = system("neural")) {
            assertThatThrownBy(() -> system.train(1)).hasMessageContaining("no labelled samples");
            run(system, 120, 2);
            assertThat(system.recordedLabels()).isPositive();
            LiveSystem.TrainingOutcome outcome = system.train(20);
            assertThat(outcome.examples()).isEqualTo(system.recordedLabels());
            assertThat(outcome.mseAfter()).isLessThanOrEqualTo(outcome.mseBefore());
            assertThatThrownBy(() -> system.train(0)).hasMessageContaining("epochs=0");
            system.setPolicy(PolicySpec.parse("reactive"));
            assertThatThrownBy(() -> system.train(1)).hasMessageContaining("no neural network");
        }
    }

    @Test
    void everyPolicyBringsItsDirectCompactionFormToTheHeap() {
        CompactingHeap checkerboard = new CompactingHeap(4096);
        long[] blocks = new long[16];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = checkerboard.allocate(256, AllocationMode.ATOMIC);
        }
        for (int i = 0; i < blocks.length; i += 2) {
            checkerboard.free(blocks[i]); // 2 KiB free in 256-byte holes
        }
        try (LiveSystem system = new LiveSystem(
                checkerboard,
                PolicySpec.parse("reactive-slide"),
                PredictorConfig.DEFAULTS,
                GovernorConfig.DEFAULTS,
                UnaryOperator.identity())) {
            AllocationRequest request = new AllocationRequest();
            Allocation slid = system.allocate(request.of(512, AllocationMode.MAY_COMPACT));
            assertThat(slid.directCompactions().get(0).kind()).isEqualTo(CompactionResult.Kind.SLIDE);
            system.setPolicy(PolicySpec.parse("reactive"));
            assertThat(checkerboard.directCompaction()).isEqualTo(DirectCompaction.EVACUATE);
        }
    }

    @Test
    void reserveWakeUpsAreAnsweredOnTheGovernorsThreadBetweenTicks() throws InterruptedException {
        CompactingHeap fragmented = new CompactingHeap(64 * 1024);
        List<Long> blocks = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            blocks.add(fragmented.allocate(1024, AllocationMode.ATOMIC));
        }
        for (int i = 32; i < 64; i++) {
            if (i % 4 != 0) {
                fragmented.free(blocks.get(i)); // 3 KiB holes in the high half
            }
        }
        fragmented.tryAllocate(3 * 1024 + 16, AllocationMode.ATOMIC); // fails: the largest request so far
        // Ticks far apart (10 s), so anything done after the first tick is a wake-up's doing.
        GovernorConfig slow = GovernorConfig.DEFAULTS.withTickNanos(10_000_000_000L);
        try (LiveSystem system = new LiveSystem(
                fragmented, PolicySpec.parse("reserve"), PredictorConfig.DEFAULTS, slow, UnaryOperator.identity())) {
            system.tick(); // sets the reserve and refills it at once
            assertThat(fragmented.reserve().targetBytes()).isPositive();
            long refilledAtTick = system.currentGovernor().stats().proactiveCompactions();
            system.setAutonomy(true);
            Thread.sleep(150); // past the rate limit's 100 ms
            Allocation taken = system.allocate(new AllocationRequest().of(3 * 1024 + 16, AllocationMode.ATOMIC));
            assertThat(taken.wakeupRaised())
                    .as("takes the reserve block: a wake-up")
                    .isTrue();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (system.currentGovernor().reserveWakeups() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            system.setAutonomy(false);
            assertThat(system.currentGovernor().reserveWakeups()).isEqualTo(1);
            assertThat(system.currentGovernor().stats().proactiveCompactions()).isEqualTo(refilledAtTick + 1);
            assertThat(system.currentGovernor().stats().ticks()).isEqualTo(1);
            assertThat(system.tickFailures()).isZero();
            fragmented.invariants();
        }
    }

    @Test
    void autonomyLoopTicksOnItsOwnThread() throws InterruptedException {
        GovernorConfig fast = GovernorConfig.DEFAULTS.withTickNanos(2_000_000L);
        try (LiveSystem system = new LiveSystem(
                heap, new PolicySpec.Periodic(), PredictorConfig.DEFAULTS, fast, UnaryOperator.identity())) {
            system.setAutonomy(true);
            assertThat(system.autonomy()).isTrue();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (system.currentGovernor().stats().ticks() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            system.setAutonomy(false);
            assertThat(system.currentGovernor().stats().ticks()).isGreaterThanOrEqualTo(3);
            assertThat(system.tickFailures()).isZero();
        }
    }

    @Test
    // The JMX registration is scoped by the try block; the test reads it through the platform server.
    @SuppressWarnings("try")
    void mxBeansAreRegisteredAndMatchTheHeap() throws Exception {
        try (LiveSystem system = system("holt");
                Jmx jmx = Jmx.register(system)) {
            run(system, 10, 3);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName heapName = new ObjectName(Jmx.HEAP_NAME);
            ObjectName governorName = new ObjectName(Jmx.GOVERNOR_NAME);
            assertThat(server.getAttribute(heapName, "UsedBytes")).isEqualTo((long) heap.usedBytes());
            assertThat(server.getAttribute(heapName, "FreeBlocks")).isEqualTo((long) heap.freeBlockCount());
            assertThat(server.getAttribute(heapName, "OomEvents"))
                    .isEqualTo(heap.stats().oomEvents());
            assertThat(server.getAttribute(governorName, "Policy")).isEqualTo("holt");
            assertThat(server.getAttribute(governorName, "Predictions")).isEqualTo(10L);
            server.setAttribute(governorName, new Attribute("Policy", "periodic"));
            assertThat(system.currentGovernor().policy().name()).isEqualTo("periodic");
            server.invoke(heapName, "compact", new Object[0], new String[0]);
            assertThat(heap.fragmentation()).isZero();
            assertThatThrownBy(() -> Jmx.register(system)).hasMessageContaining("already registered");
        }
        assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(new ObjectName(Jmx.HEAP_NAME)))
                .isFalse();
    }
}
