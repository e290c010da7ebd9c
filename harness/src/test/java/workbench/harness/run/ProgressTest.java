package workbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import workbench.harness.trial.Slot;

/** issue 12: progress numbers trials and rounds as run.json does, knows when it cannot estimate, and shows --ci-target's cap. */
class ProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong now = new AtomicLong();
    private final Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, now::get);

    /** the lines as a terminal would show them last: each \r starts the line over */
    private List<String> screen() {
        return java.util.Arrays.stream(bytes.toString(StandardCharsets.UTF_8).replace("\033[K", "").split("\n"))
                .map(l -> l.substring(l.lastIndexOf('\r') + 1)).toList();
    }

    private String last() {
        String all = bytes.toString(StandardCharsets.UTF_8).replace("\033[K", "");
        return all.substring(all.lastIndexOf('\r') + 1);
    }

    private void trial(int index, int round, boolean warmup, double seconds) {
        now.addAndGet(2_000_000_000L); // two seconds a trial
        progress.trial(new Slot(index, round, warmup, index % 2), index % 2 == 0 ? "loopback vectored" : "loopback scalar",
                seconds, true);
    }

    @Test
    void roundsCountFromZeroWithWarmUpFirstAndNoEstimateBeforeAWholeRound() {
        progress.trials(new Progress.Shape(2, 3, OptionalInt.empty())); // 1 warm-up + 2 measured rounds of 2 series
        trial(0, 0, true, 0.5);
        assertThat(last()).startsWith("[trial 0, round 0 of 0–2] loopback vectored").contains("0.500 s warm-up")
                .doesNotContain("left");
        trial(1, 0, true, 0.25);
        assertThat(last()).contains("warm-up").contains("~8s left"); // 4 trials left at 2 s each
        trial(2, 1, false, 0.25);
        assertThat(last()).startsWith("[trial 2, round 1 of 0–2]").contains(" ok ").contains("~6s left");
        trial(5, 2, false, 0.25); // the last trial of the plan: nothing is left to estimate
        assertThat(last()).doesNotContain("left").doesNotContain("0s");
    }

    @Test
    void aCiTargetRunShowsItsCapAndAnUpperBoundPastThePlannedRounds() {
        progress.trials(new Progress.Shape(2, 2, OptionalInt.of(5))); // 2 rounds planned, at most 5
        for (int i = 0; i < 4; i++) {
            trial(i, i / 2, i < 2, 0.1);
        }
        assertThat(last()).startsWith("[trial 3, round 1 of 0–1, up to 4]").contains("≤12s left"); // 6 trials to the cap
        trial(9, 4, false, 0.1);
        assertThat(last()).startsWith("[trial 9, round 4 of 0–1, up to 4]").doesNotContain("left");
    }

    @Test
    void aSetupStepSaysWhatItDoesThenHowLongItTook() {
        try (Progress.Step step = progress.step("starting the receivers and links of link:gbe")) {
            now.addAndGet(3_400_000_000L);
        }
        assertThat(screen()).containsExactly("starting the receivers and links of link:gbe: 3.4 s");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("link:gbe …\r");
    }

    @Test
    void offItPrintsNothing() {
        Progress quiet = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, now::get);
        quiet.trials(new Progress.Shape(1, 1, OptionalInt.empty()));
        try (Progress.Step step = quiet.step("generating guest RAM")) {
            quiet.trial(new Slot(0, 0, false, 0), "loopback vectored", 0.1, true);
        }
        quiet.end();
        assertThat(bytes.size()).isZero();
    }

    @Test
    void durationsNeverReadZero() {
        assertThat(Progress.duration(0.2, false)).isEqualTo("<1s");
        assertThat(Progress.duration(80, false)).isEqualTo("1m20s");
        assertThat(Progress.duration(7500, false)).isEqualTo("2h05m");
        assertThat(Progress.duration(1.84, true)).isEqualTo("1.8 s");
    }
}
