package org.mempred.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VirtualClockTest {

    @Test
    void startsAtZeroAndMovesOnlyWhenTold() {
        VirtualClock clock = new VirtualClock();
        assertThat(clock.nanoTime()).isZero();
        clock.advanceTo(500);
        clock.advanceTo(500);
        clock.advanceBy(25);
        assertThat(clock.nanoTime()).isEqualTo(525);
    }

    @Test
    void refusesToGoBackNamingBothTimes() {
        VirtualClock clock = new VirtualClock();
        clock.advanceTo(1_000);
        assertThatThrownBy(() -> clock.advanceTo(999))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeNanos=999")
                .hasMessageContaining("nowNanos=1000");
        assertThatThrownBy(() -> clock.advanceBy(-1)).hasMessageContaining("deltaNanos=-1");
        assertThat(clock.nanoTime()).isEqualTo(1_000);
    }
}
