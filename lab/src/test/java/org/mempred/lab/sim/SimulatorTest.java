package org.mempred.lab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mempred.govern.PolicySpec;
import org.mempred.lab.workload.Characteristic;
import org.mempred.lab.workload.EventKind;
import org.mempred.lab.workload.EventStream;
import org.mempred.lab.workload.HeapEvent;
import org.mempred.lab.workload.StressWorkload;
import org.mempred.lab.workload.Workload;
import org.mempred.predict.Target;

class SimulatorTest {
    private static final int HEAP = 102_400;
    private static final long SECOND = 1_000_000_000L;
    private static final Simulator SIMULATOR = new Simulator(SimulationOptions.of(HEAP, 60 * SECOND));
    private static final Workload WORKLOAD = StressWorkload.kernel(0.95, HEAP);

    @Test
    void sameSeedAndOptionsGiveIdenticalFiguresApartFromWallTime() {
        for (String policy : new String[] {"reactive", "periodic", "linux", "neural", "holt", "zgc"}) {
            RunResult first = SIMULATOR.run(WORKLOAD, PolicySpec.parse(policy), 3);
            RunResult second = SIMULATOR.run(WORKLOAD, PolicySpec.parse(policy), 3);
            assertThat(second.withoutWallTime()).as(policy).isEqualTo(first.withoutWallTime());
            assertThat(second.compaction().meanWallMicros())
                    .as("wall time is measured")
                    .isPositive();
            assertThat(first.safety().crashes())
                    .as(policy + ": " + first.safety().crashMessage())
                    .isZero();
        }
    }

    @Test
    void runReportsConsistentFigures() {
        RunResult run = SIMULATOR.run(WORKLOAD, PolicySpec.parse("periodic"), 1);
        assertThat(run.heap().allocationRequests()).isGreaterThan(5_000);
        assertThat(run.heap().oomEvents())
                .isEqualTo(run.heap().oomFragmentation() + run.heap().oomExhaustion());
        assertThat(run.compaction().total())
                .isEqualTo(run.compaction().proactive() + run.compaction().reactive());
        assertThat(run.compaction().proactive()).as("one per tick over 60 s").isEqualTo(120);
        assertThat(run.heap().peakPressure()).isBetween(run.heap().meanPressure(), 1.0);
        assertThat(run.heap().meanPressure()).isBetween(0.5, 1.0);
        assertThat(run.response().p99Micros()).isGreaterThanOrEqualTo(0.1);
        assertThat(run.response().meanMicros()).isGreaterThanOrEqualTo(0.1);
        assertThat(run.prediction().accuracyShare())
                .as("periodic has no predictor")
                .isNaN();
        assertThat(run.prediction().skill()).isNaN();
    }

    @Test
    void predictiveRunsReportAccuracyAndOracleReadsTheRecordedFuture() {
        PressureTrace trace = new PressureTrace();
        SIMULATOR.run(WORKLOAD, PolicySpec.parse("reactive"), 2, Probes.NONE.withTrace(trace));
        assertThat(trace.size()).isEqualTo(120);
        RunResult oracle = SIMULATOR.run(
                WORKLOAD, PolicySpec.parse("oracle"), 2, Probes.NONE.withFuture(trace.toFuture(Target.VOLUME)));
        RunResult neural = SIMULATOR.run(WORKLOAD, PolicySpec.parse("neural"), 2);
        assertThat(oracle.safety().crashes())
                .as(String.valueOf(oracle.safety().crashMessage()))
                .isZero();
        assertThat(neural.prediction().accuracyShare()).isBetween(0.0, 1.0);
        assertThat(oracle.prediction().predictions()).isPositive();
        // The demand oracle reads the true future requests: its forecast is never below the label.
        assertThat(oracle.prediction().skill()).isEqualTo(1.0);
    }

    @Test
    void finalMetricsAreDerivedFromTheSameFiguresAsTheResult() {
        RunResult run = SIMULATOR.run(WORKLOAD, PolicySpec.parse("neural"), 4);
        assertThat(run.finalMetrics())
                .containsEntry("oom_events", run.heap().oomEvents())
                .containsEntry("oom_fragmentation", run.heap().oomFragmentation())
                .containsEntry("watchdog_alerts", run.safety().watchdogAlerts())
                .containsEntry("mempred_rate_limited", run.safety().rateLimited())
                .containsEntry("mempred_predictions", run.prediction().predictions())
                .containsEntry("mempred_accuracy", run.prediction().accuracyShare());
        assertThat(run.finalMetrics().get("compactions_total").longValue())
                .isEqualTo(run.compaction().total());
    }

    @Test
    void reserveRefilledOnWakeUpCutsOomEventsAgainstSlidingDirectCompaction() {
        RunResult slide = SIMULATOR.run(WORKLOAD, PolicySpec.parse("reactive-slide"), 3);
        RunResult reserve = SIMULATOR.run(WORKLOAD, PolicySpec.parse("reserve"), 3);
        assertThat(slide.heap().oomEvents()).isPositive();
        assertThat(reserve.heap().oomEvents()).isLessThan(slide.heap().oomEvents());
        assertThat(reserve.compaction().bytesMoved())
                .isLessThan(slide.compaction().bytesMoved());
        assertThat(reserve.compaction().proactive()).isPositive();
    }

    @Test
    void aPolicyThatCannotBeBuiltIsRejectedBeforeAnythingRuns() {
        assertThatThrownBy(() -> SIMULATOR.run(WORKLOAD, PolicySpec.parse("oracle"), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oracle");
    }

    @Test
    void anExceptionInsideARunIsCountedAsACrashWithFiguresUpToIt() {
        RunResult run = SIMULATOR.run(new DoubleAllocation(), PolicySpec.parse("reactive"), 1);
        assertThat(run.safety().crashes()).isEqualTo(1);
        assertThat(run.safety().crashMessage()).contains("id=7").contains("twice");
        assertThat(run.heap().allocationRequests()).isEqualTo(1);
    }

    @Test
    void failedAllocationsMakeTheirLaterEventsNoOps() {
        RunResult run = SIMULATOR.run(new OversizedThenFree(), PolicySpec.parse("reactive"), 1);
        assertThat(run.safety().crashes())
                .as(String.valueOf(run.safety().crashMessage()))
                .isZero();
        assertThat(run.heap().oomEvents()).isEqualTo(1);
        assertThat(run.heap().oomExhaustion()).isEqualTo(1);
    }

    @Test
    void costModelChargesFixedPlusBlocksPlusBytesOverRateAndNeverLessForMoreWork() {
        CompactionCostModel model = new CompactionCostModel(100, 20.0, 10.0);
        assertThat(model.durationNanos(0, 0)).isEqualTo(100);
        assertThat(model.durationNanos(1_000, 0)).isEqualTo(200);
        assertThat(model.durationNanos(1_000, 3)).isEqualTo(260);
        for (int blocks = 0; blocks < 50; blocks += 7) {
            for (long bytes = 0; bytes < 100_000; bytes += 4_093) {
                long duration = model.durationNanos(bytes, blocks);
                assertThat(model.durationNanos(bytes + 16, blocks)).isGreaterThanOrEqualTo(duration);
                assertThat(model.durationNanos(bytes, blocks + 1)).isGreaterThan(duration);
            }
        }
        assertThatThrownBy(() -> new CompactionCostModel(-1, 0, 1.0)).hasMessageContaining("fixedNanos=-1");
    }

    @Test
    void everySimulationUsesTheCommittedCalibrationWithItsProvenance() {
        Calibration shipped = Calibration.shipped();
        assertThat(SimulationOptions.of(HEAP, SECOND).costModel()).isEqualTo(shipped.model());
        assertThat(shipped.command()).startsWith("mempred calibrate");
        assertThat(shipped.machine()).contains("processors");
        assertThat(shipped.measuredAt()).isBefore(Instant.now());
        assertThat(shipped.describe()).contains(shipped.model().describe()).contains(shipped.machine());
    }

    @Test
    void aCalibrationFileReadsBackAsWrittenAndABadOneNamesItsField() {
        Calibration calibration = new Calibration(
                new CompactionCostModel(41, 12.5, 33.25), Instant.parse("2026-01-02T03:04:05Z"), "m", "c");
        assertThat(Calibration.parse(calibration.text(), "f.json")).isEqualTo(calibration);
        String noRate = calibration.text().replace("\"bytesPerNano\"", "\"rate\"");
        assertThatThrownBy(() -> Calibration.parse(noRate, "f.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("f.json")
                .hasMessageContaining("bytesPerNano");
        assertThatThrownBy(() -> Calibration.parse("{", "f.json")).hasMessageContaining("f.json is not JSON");
    }

    @Test
    void aDearerCostModelChargesMoreModelledTimeForTheSameStream() {
        SimulationOptions base = SimulationOptions.of(HEAP, 60 * SECOND);
        CompactionCostModel model = base.costModel();
        SimulationOptions dearer = new SimulationOptions(
                HEAP,
                base.durationNanos(),
                base.horizonNanos(),
                base.tickNanos(),
                base.requestNanos(),
                new CompactionCostModel(model.fixedNanos() * 10, model.perBlockNanos() * 10, model.bytesPerNano() / 10),
                null,
                base.placement());
        RunResult cheap = new Simulator(base).run(WORKLOAD, PolicySpec.parse("periodic"), 5);
        RunResult dear = new Simulator(dearer).run(WORKLOAD, PolicySpec.parse("periodic"), 5);
        assertThat(dear.heap().allocationRequests()).isEqualTo(cheap.heap().allocationRequests());
        assertThat(dear.compaction().proactive())
                .as("one per tick either way")
                .isEqualTo(cheap.compaction().proactive());
        assertThat(dear.compaction().meanModelMicros())
                .isGreaterThan(cheap.compaction().meanModelMicros());
    }

    @Test
    void differentSeedsReplayDifferentStreams() {
        RunResult first = SIMULATOR.run(WORKLOAD, PolicySpec.parse("reactive"), 1);
        RunResult second = SIMULATOR.run(WORKLOAD, PolicySpec.parse("reactive"), 2);
        assertThat(second.withoutWallTime()).isNotEqualTo(first.withoutWallTime());
    }

    @Test
    void optionsRejectBadValuesWithTheValue() {
        assertThatThrownBy(() -> SimulationOptions.of(100, SECOND)).hasMessageContaining("heapBytes=100");
        assertThatThrownBy(() -> SimulationOptions.of(HEAP, -5)).hasMessageContaining("durationNanos=-5");
    }

    /** Allocates id 7 twice: a broken workload. */
    private static final class DoubleAllocation extends ScriptedStream {
        DoubleAllocation() {
            super(new long[][] {{SECOND, 0, 7, 64}, {2 * SECOND, 0, 7, 64}});
        }
    }

    /** Asks for the whole heap twice (the second fails), then frees, pins and unpins the failed id. */
    private static final class OversizedThenFree extends ScriptedStream {
        OversizedThenFree() {
            super(new long[][] {
                {SECOND, 0, 1, HEAP},
                {SECOND, 0, 2, HEAP},
                {2 * SECOND, 2, 2, 0},
                {2 * SECOND, 3, 2, 0},
                {3 * SECOND, 1, 2, 0}
            });
        }
    }

    /** A workload of scripted events: {time, kind ordinal, id, size}. */
    private abstract static class ScriptedStream implements Workload, EventStream {
        private final long[][] events;
        private final HeapEvent event = new HeapEvent();
        private int index = -1;

        ScriptedStream(long[][] events) {
            this.events = events;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public EventStream open(long seed, long durationNanos) {
            index = -1;
            return this;
        }

        @Override
        public int maxRequestBytes() {
            return HEAP;
        }

        @Override
        public Set<Characteristic> characteristics() {
            return Set.of();
        }

        @Override
        public boolean next() {
            if (++index >= events.length) {
                return false;
            }
            long[] e = events[index];
            EventKind kind = EventKind.values()[(int) e[1]];
            if (kind == EventKind.ALLOCATE) {
                event.allocate(e[0], e[2], (int) e[3], false, HeapEvent.NO_SITE);
            } else {
                event.other(e[0], kind, e[2]);
            }
            return true;
        }

        @Override
        public HeapEvent event() {
            return event;
        }
    }
}
