package org.mempred.lab.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bursty workload keeps the stream contract and the documented shape of churn and bursts. */
class BurstyWorkloadTest {
    private static final int CAPACITY = 102_400;
    private static final long SECOND = 1_000_000_000L;
    private static final long DURATION = 600 * SECOND;
    private static final int SMALL_MAX = BurstyConfig.SMALL.maxBytes();

    /** The packet allocations of a run: time, size and whether atomic. */
    private record Packet(long timeNanos, int sizeBytes, boolean atomic) {}

    private static List<Packet> packets(long seed) {
        EventStream stream = BurstyWorkload.of(0.95, CAPACITY).open(seed, DURATION);
        HeapEvent event = stream.event();
        List<Packet> packets = new ArrayList<>();
        while (stream.next()) {
            if (event.kind() == EventKind.ALLOCATE && event.sizeBytes() > SMALL_MAX) {
                assertThat(event.site()).isNotEqualTo(HeapEvent.NO_SITE);
                packets.add(new Packet(event.timeNanos(), event.sizeBytes(), event.atomic()));
            }
        }
        return packets;
    }

    /** Packets grouped into bursts: a gap of more than a second starts a new one. */
    private static List<List<Packet>> bursts(List<Packet> packets) {
        List<List<Packet>> bursts = new ArrayList<>();
        for (Packet packet : packets) {
            if (bursts.isEmpty()
                    || packet.timeNanos() - bursts.getLast().getLast().timeNanos() > SECOND) {
                bursts.add(new ArrayList<>());
            }
            bursts.getLast().add(packet);
        }
        return bursts;
    }

    @Test
    void streamKeepsTheContractAndSitsAtTheChurnLevelWithBurstsReachingTheDemand() {
        StreamStats stats = StreamStats.of(BurstyWorkload.of(0.95, CAPACITY).open(3, DURATION), CAPACITY, DURATION, 1);
        assertThat(stats.allocations).isGreaterThan(50_000);
        assertThat(stats.meanIntendedPressure()).isBetween(0.89, 0.92);
        double peak = 0;
        for (double pressure : stats.perSecondPressure) {
            peak = Math.max(peak, pressure);
        }
        assertThat(peak).isBetween(0.93, 1.0);
    }

    @Test
    void everyBurstIsOneSizeOfPacketInTheConfiguredCountAndMostlyAtomic() {
        List<Packet> packets = packets(1);
        long atomic = packets.stream().filter(Packet::atomic).count();
        assertThat((double) atomic / packets.size()).isBetween(0.5, 0.7);
        for (List<Packet> burst : bursts(packets)) {
            int size = burst.getFirst().sizeBytes();
            assertThat(BurstyConfig.PACKET_SIZES).contains(size);
            assertThat(burst).allMatch(packet -> packet.sizeBytes() == size);
            assertThat(burst).hasSize(Math.max(1, (int) (BurstyConfig.BURST_SHARE * CAPACITY) / size));
            long length = burst.getLast().timeNanos() - burst.getFirst().timeNanos();
            assertThat(length).isLessThan(200_000_000L);
        }
    }

    @Test
    void burstsComeAtTheSeedsPeriodWithinTheJitter() {
        for (long seed = 1; seed <= 5; seed++) {
            List<List<Packet>> bursts = bursts(packets(seed));
            long shortest = Long.MAX_VALUE;
            long longest = 0;
            for (int i = 1; i < bursts.size(); i++) {
                long gap = bursts.get(i).getFirst().timeNanos()
                        - bursts.get(i - 1).getFirst().timeNanos();
                shortest = Math.min(shortest, gap);
                longest = Math.max(longest, gap);
            }
            assertThat(shortest).as("seed %d", seed).isGreaterThanOrEqualTo(4 * SECOND);
            assertThat(longest).as("seed %d", seed).isLessThanOrEqualTo(18 * SECOND);
            assertThat((double) longest / shortest).as("seed %d", seed).isLessThanOrEqualTo(1.2 / 0.8 + 0.01);
            assertThat(bursts.size()).isBetween(600 / 18, 600 / 4);
        }
    }

    @Test
    void sameSeedGivesTheIdenticalStreamAndAnotherSeedDoesNot() {
        assertThat(packets(7)).isEqualTo(packets(7)).isNotEqualTo(packets(8));
    }

    @Test
    void theWorkloadIsOfferedByNameAndBadConfigurationIsRejectedWithTheValue() {
        assertThat(Workloads.byName("Bursty ", "--workload", 0.95, CAPACITY)).isInstanceOf(BurstyWorkload.class);
        assertThat(BurstyWorkload.of(0.95, CAPACITY).maxRequestBytes()).isEqualTo(9216);
        assertThatThrownBy(() -> BurstyConfig.of(1.5, CAPACITY)).hasMessageContaining("demand=1.5");
        assertThatThrownBy(() -> BurstyConfig.of(0.95, 4096)).hasMessageContaining("packetSizes=");
    }
}
