package workbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import workbench.harness.trial.Slot;

class ScheduleTest {
    @Test
    void warmupThenInterleavedRoundsStartingInPlanOrder() {
        List<Slot> slots = Schedule.of(2, 2, 3);
        assertThat(slots).hasSize(10);
        assertThat(slots.stream().map(Slot::series)).containsExactly(0, 1, 1, 0, 0, 1, 1, 0, 0, 1);
        assertThat(slots.stream().filter(Slot::warmup)).hasSize(4);
        assertThat(slots.get(4).round()).isEqualTo(2);
        assertThat(slots.get(4).warmup()).isFalse();
        assertThat(slots.stream().map(Slot::index)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void everyRoundHoldsEverySeriesOnce() {
        List<Slot> slots = Schedule.of(3, 1, 4);
        for (int round = 0; round < 5; round++) {
            int r = round;
            assertThat(slots.stream().filter(s -> s.round() == r).map(Slot::series)).containsExactlyInAnyOrder(0, 1, 2);
        }
    }
}
