package org.mempred.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mempred.predict.neural.NeuralLifetimePredictor;

class LifetimePredictorsTest {
    private static final long MS = 1_000_000L;

    @Test
    void classesAreDecadesFromTenMilliseconds() {
        assertThat(LifetimeClass.of(-5)).isZero();
        assertThat(LifetimeClass.of(10 * MS - 1)).isZero();
        assertThat(LifetimeClass.of(10 * MS)).isEqualTo(1);
        assertThat(LifetimeClass.of(999 * MS)).isEqualTo(2);
        assertThat(LifetimeClass.of(9_999 * MS)).isEqualTo(3);
        assertThat(LifetimeClass.of(Long.MAX_VALUE)).isEqualTo(LifetimeClass.LONGEST);
        assertThat(LifetimeClass.upperNanos(LifetimeClass.LONGEST)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> LifetimeClass.label(5)).hasMessageContaining("lifetime class 5");
    }

    @Test
    void siteTableLearnsEachSitesClassAndPromotesASiteWhoseBlocksOutliveIt() {
        SiteTable table = new SiteTable();
        assertThat(table.predict(1, 64, -1)).as("nothing observed: longest").isEqualTo(LifetimeClass.LONGEST);
        for (int i = 0; i < 50; i++) {
            table.observe(1, 64, 0);
            table.observe(2, 64, 3);
        }
        assertThat(table.predict(1, 64, -1)).isZero();
        assertThat(table.predict(2, 64, -1)).isEqualTo(3);
        for (int i = 0; i < 200; i++) {
            table.observe(1, 64, 2);
        }
        assertThat(table.predict(1, 64, -1)).as("promoted").isEqualTo(2);
    }

    @Test
    void siteTableStaysBoundedWhateverTheNumberOfSites() {
        SiteTable table = new SiteTable();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            table.observe(random.nextLong(), 32, random.nextInt(LifetimeClass.COUNT));
        }
        assertThat(table.sites()).isEqualTo(SiteTable.SETS * SiteTable.WAYS);
    }

    @Test
    void sizeClassSeparatesSizesAndOracleReadsTheTruth() {
        SizeClassPredictor bySize = new SizeClassPredictor();
        for (int i = 0; i < 30; i++) {
            bySize.observe(0, 32, 0);
            bySize.observe(0, 4096, 4);
        }
        assertThat(bySize.predict(0, 40, -1)).isZero();
        assertThat(bySize.predict(0, 5000, -1)).isEqualTo(4);
        OracleLifetimePredictor oracle = new OracleLifetimePredictor();
        assertThat(oracle.predict(0, 1, 50 * MS)).isEqualTo(1);
        assertThat(oracle.predict(0, 1, LifetimePredictor.UNKNOWN)).isEqualTo(LifetimeClass.LONGEST);
        assertThat(oracle.needsTrueLifetime()).isTrue();
    }

    @Test
    void neuralLifetimeStartsFromTheShippedWeightsAndLearnsASite() {
        NeuralLifetimePredictor network = new NeuralLifetimePredictor();
        assertThat(network.parameters()).hasSize(49).doesNotContain(Double.NaN);
        for (int i = 0; i < 3000; i++) {
            network.observe(11, 128, 0);
            network.observe(12, 128, 4);
        }
        assertThat(network.predict(11, 128, -1)).isLessThanOrEqualTo(1);
        assertThat(network.predict(12, 128, -1)).isGreaterThanOrEqualTo(3);
        for (long site : new long[] {0, -1, Long.MIN_VALUE}) {
            assertThat(network.predict(site, Integer.MAX_VALUE, -1)).isBetween(0, LifetimeClass.LONGEST);
        }
    }
}
