package workbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import workbench.harness.trial.Slot;
import workbench.reports.model.RamSettings;
import workbench.reports.model.Rounds;
import workbench.reports.model.RunSettings;
import workbench.reports.model.Setting;
import workbench.reports.model.SettingKind;
import workbench.reports.model.StatisticsSettings;

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

    @Test
    void randomOrderShufflesEveryRoundAsItsSeedSays() {
        Schedule random = new Schedule(RoundOrder.RANDOM, 7);
        List<Slot> slots = random.slots(4, 1, 30);
        for (int round = 0; round < 31; round++) {
            int r = round;
            assertThat(slots.stream().filter(s -> s.round() == r).map(Slot::series)).containsExactlyInAnyOrder(0, 1, 2, 3);
        }
        assertThat(slots.stream().map(Slot::index)).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 124).boxed().toList());
        assertThat(new Schedule(RoundOrder.RANDOM, 7).slots(4, 1, 30)).isEqualTo(slots);
        assertThat(new Schedule(RoundOrder.RANDOM, 8).slots(4, 1, 30)).isNotEqualTo(slots);
        // every series opens some round: no position is kept
        assertThat(slots.stream().filter(s -> s.index() % 4 == 0).map(Slot::series).distinct()).hasSize(4);
        // a round's order depends on its number only, so rounds added by --ci-target follow the same rule
        assertThat(random.round(12, 4, 1, 48)).isEqualTo(slots.subList(48, 52));
    }

    @Test
    void theSettingsSayWhichOrderAndAbsentEntriesMeanAlternating() {
        assertThat(Schedule.of(settings(List.of()))).isEqualTo(Schedule.ALTERNATE);
        assertThat(Schedule.of(settings(List.of(Setting.of("order", SettingKind.ENUM, "run", "random"),
                Setting.of("order-seed", SettingKind.INTEGER, "run", "42"))))).isEqualTo(new Schedule(RoundOrder.RANDOM, 42));
        assertThat(Schedule.ALTERNATE.slots(2, 2, 3)).isEqualTo(Schedule.of(2, 2, 3));
    }

    private static RunSettings settings(List<Setting> entries) {
        return new RunSettings(new RamSettings(List.of(1L << 20), 1, 4096, List.of(0.0), List.of(0.0), List.of(1.0),
                "scattered", "random", 1, "zero"), List.of("loopback"), List.of("vectored", "vectored"), Rounds.fixed(3, 0),
                StatisticsSettings.DEFAULT, entries);
    }
}
