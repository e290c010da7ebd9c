package workbench.harness.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScatterBatchesTest {
    @Test
    void batchesGrowWithTheRunOfHitsUpToTheMost() {
        ScatterBatches b = new ScatterBatches(256);
        assertThat(b.next()).as("nothing known: a short first batch").isBetween(1, 4);
        int last = 0;
        for (int i = 0; i < 200; i++) { // sqrt(4 * pages so far): the most after 16384 pages, 128 batches
            int n = b.next();
            assertThat(n).isGreaterThanOrEqualTo(last);
            b.held(n);
            last = n;
        }
        assertThat(last).isEqualTo(256);
    }

    @Test
    void failuresEveryFewPagesKeepBatchesNearTheSquareRootOfTheGap() {
        ScatterBatches b = new ScatterBatches(256);
        for (int i = 0; i < 50; i++) {
            b.failed(29);
        }
        int n = b.next();
        assertThat(n).isEqualTo((int) Math.sqrt(ScatterBatches.READ_IN_PAGES * 30));
        b.failed(0);
        assertThat(b.next()).as("one short gap moves the average a quarter of the way").isLessThan(n).isGreaterThan(1);
        for (int i = 0; i < 20; i++) {
            b.failed(0);
        }
        assertThat(b.next()).as("failing at every first record").isEqualTo((int) Math.sqrt(ScatterBatches.READ_IN_PAGES));
    }

    @Test
    void aBatchPredictsAtLeastOneRecord() {
        assertThatThrownBy(() -> new ScatterBatches(0)).isInstanceOf(IllegalArgumentException.class);
        ScatterBatches one = new ScatterBatches(1);
        one.held(1);
        assertThat(one.next()).isEqualTo(1);
    }
}
