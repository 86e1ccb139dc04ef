package org.mempred.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Category;
import jdk.jfr.EventType;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mempred.govern.Governor;
import org.mempred.govern.GovernorConfig;
import org.mempred.govern.PeriodicPolicy;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.CompactionResult;
import org.mempred.heap.Handles;
import org.mempred.heap.RefillStep;

/**
 * The heap's and governor's flight-recorder events are recorded, with the figures the heap and
 * governor report themselves, and only while a recording has them enabled.
 */
class FlightRecorderEventsTest {
    private static final int KIB = 1024;

    @TempDir
    Path dir;

    /** A 4 KiB heap of 16 blocks of 256 B with every other one freed: 2 KiB free in 256-B holes. */
    private static CompactingHeap combed() {
        CompactingHeap heap = new CompactingHeap(4 * KIB);
        long[] blocks = new long[16];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = heap.allocate(256, AllocationMode.ATOMIC);
        }
        for (int i = 0; i < blocks.length; i += 2) {
            heap.free(blocks[i]);
        }
        return heap;
    }

    @Test
    void compactionsAreRecordedWithTheirKindAndFigures() throws IOException {
        CompactingHeap heap = combed();
        CompactionResult evacuated;
        CompactionResult slid;
        List<RecordedEvent> events;
        try (Recording recording = recording(CompactionEvent.class)) {
            recording.start();
            evacuated = heap.compactFor(KIB, Long.MAX_VALUE);
            slid = heap.compact();
            events = stop(recording, CompactionEvent.NAME);
        }

        assertThat(events).hasSize(2);
        RecordedEvent evacuation = events.get(0);
        assertThat(evacuation.getEventType().getName()).isEqualTo("mempred.Compaction");
        assertThat(evacuation.getString("kind")).isEqualTo("evacuate");
        assertThat(evacuation.getBoolean("direct")).isFalse();
        assertThat(evacuation.getLong("bytesMoved"))
                .isEqualTo(evacuated.bytesMoved())
                .isPositive();
        assertThat(evacuation.getInt("blocksMoved")).isEqualTo(evacuated.blocksMoved());
        assertThat(evacuation.getLong("targetBytes")).isEqualTo(KIB);
        assertThat(evacuation.getBoolean("succeeded")).isTrue();
        assertThat(evacuation.getLong("largestFreeBefore")).isEqualTo(256);
        assertThat(evacuation.getLong("largestFreeAfter")).isEqualTo(evacuated.largestFreeAfter());
        assertThat(evacuation.getDuration()).isGreaterThanOrEqualTo(Duration.ZERO);
        RecordedEvent slide = events.get(1);
        assertThat(slide.getString("kind")).isEqualTo("slide");
        assertThat(slide.getLong("bytesMoved")).isEqualTo(slid.bytesMoved());
        assertThat(slide.getLong("largestFreeAfter")).isEqualTo(2 * KIB);
    }

    @Test
    void aDirectCompactionIsRecordedAsDirect() throws IOException {
        CompactingHeap heap = combed();
        List<RecordedEvent> events;
        try (Recording recording = recording(CompactionEvent.class)) {
            recording.start();
            assertThat(heap.tryAllocate(KIB, AllocationMode.MAY_COMPACT)).isNotEqualTo(Handles.NONE);
            events = stop(recording, CompactionEvent.NAME);
        }

        assertThat(events).hasSize((int) heap.stats().directCompactions()).isNotEmpty();
        assertThat(events)
                .allSatisfy(event -> assertThat(event.getBoolean("direct")).isTrue());
        assertThat(events.get(0).getString("kind")).isEqualTo("evacuate");
    }

    @Test
    void aReserveRefillIsRecordedByItsStep() throws IOException {
        CompactingHeap heap = combed();
        heap.reserve().set(KIB, 0);
        List<RecordedEvent> events;
        try (Recording recording = recording(CompactionEvent.class)) {
            recording.start();
            heap.reserve().refill(RefillStep.FULL, Long.MAX_VALUE);
            events = stop(recording, CompactionEvent.NAME);
        }

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getString("kind")).isEqualTo("full");
            assertThat(event.getLong("bytesMoved")).isPositive();
        });
    }

    @Test
    void oomEventsAreRecordedWithTheirSizeAndKind() throws IOException {
        CompactingHeap heap = combed();
        List<RecordedEvent> events;
        try (Recording recording = recording(OomEvent.class)) {
            recording.start();
            assertThat(heap.tryAllocate(KIB, AllocationMode.ATOMIC)).isEqualTo(Handles.NONE);
            assertThat(heap.tryAllocate(3 * KIB, AllocationMode.MAY_COMPACT)).isEqualTo(Handles.NONE);
            events = stop(recording, OomEvent.NAME);
        }

        assertThat(events).hasSize(2);
        assertThat(heap.stats().oomFragmentation()).isEqualTo(1);
        assertThat(heap.stats().oomExhaustion()).isEqualTo(1);
        RecordedEvent fragmentation = events.get(0);
        assertThat(fragmentation.getEventType().getName()).isEqualTo("mempred.OomEvent");
        assertThat(fragmentation.getLong("sizeBytes")).isEqualTo(KIB);
        assertThat(fragmentation.getString("kind")).isEqualTo("fragmentation");
        assertThat(fragmentation.getBoolean("atomic")).isTrue();
        assertThat(fragmentation.getLong("freeBytes")).isEqualTo(2 * KIB);
        assertThat(fragmentation.getLong("largestFreeBytes")).isEqualTo(256);
        RecordedEvent exhaustion = events.get(1);
        assertThat(exhaustion.getLong("sizeBytes")).isEqualTo(3 * KIB);
        assertThat(exhaustion.getString("kind")).isEqualTo("exhaustion");
        assertThat(exhaustion.getBoolean("atomic")).isFalse();
    }

    @Test
    void governorDecisionsAreRecordedWithActionReasonAndPolicy() throws IOException {
        CompactingHeap heap = combed();
        long[] now = {0};
        Governor governor = new Governor(heap, () -> now[0], new PeriodicPolicy(), GovernorConfig.DEFAULTS);
        List<RecordedEvent> events;
        try (Recording recording = recording(GovernorDecisionEvent.class)) {
            recording.start();
            now[0] += GovernorConfig.DEFAULTS.tickNanos();
            governor.tick();
            events = stop(recording, GovernorDecisionEvent.NAME);
        }

        var decision = governor.recentDecisions(1).get(0);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getEventType().getName()).isEqualTo("mempred.GovernorDecision");
            assertThat(event.getString("action"))
                    .isEqualTo("COMPACT")
                    .isEqualTo(decision.action().name());
            assertThat(event.getString("reason")).isEqualTo(decision.reason());
            assertThat(event.getString("policy")).isEqualTo("periodic");
            assertThat(event.getDouble("pressure")).isEqualTo(decision.pressure());
        });
    }

    @Test
    void eventsCarryTheMempredCategoryAndNoEventIsBegunWhileNoRecordingWantsIt() {
        for (Class<? extends jdk.jfr.Event> type :
                List.of(CompactionEvent.class, OomEvent.class, GovernorDecisionEvent.class)) {
            assertThat(type.getAnnotation(Category.class).value()[0]).isEqualTo("mempred");
            assertThat(EventType.getEventType(type).getDescription()).isNotBlank();
        }
        assertThat(CompactionEvent.started()).isNull();
        assertThat(OomEvent.enabled()).isFalse();
    }

    /** A recording with {@code type} on and no threshold (it takes the other enabled events too). */
    private static Recording recording(Class<? extends jdk.jfr.Event> type) {
        Recording recording = new Recording();
        recording.enable(type).withoutThreshold();
        return recording;
    }

    /** Stops {@code recording} and returns its events of the name it was made for (a recording takes every enabled event). */
    private List<RecordedEvent> stop(Recording recording, String name) throws IOException {
        recording.stop();
        Path file = dir.resolve("recording-" + System.nanoTime() + ".jfr");
        recording.dump(file);
        List<RecordedEvent> events = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (event.getEventType().getName().equals(name)) {
                events.add(event);
            }
        }
        return events;
    }
}
