package workbench.reports.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import workbench.reports.model.Run;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.StubRun;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;

class SidesTableTest {
    private static final long MIB = 1 << 20;
    private static final SeriesKey LOOPBACK = SeriesKey.of("vectored", "loopback");
    private static final SeriesKey NULL = SeriesKey.of("vectored", "null");

    private static TrialResult trial(int round, SeriesKey key, long missed, long sender, long receiver) {
        return StubRun.withSides(StubRun.simple(round, key, TrialStatus.VERIFIED, 0.5), missed, sender, receiver);
    }

    @Test
    void peakMemoryIsTheLargestReadingPerNetworkAndSideAgainstItsGuest() {
        // the stub's guest is 1 GiB
        Run run = StubRun.of(List.of(trial(0, LOOPBACK, 10, 1100 * MIB, 1050 * MIB), trial(1, LOOPBACK, 30, 1126 * MIB, 1040 * MIB),
                trial(0, NULL, -1, 1200 * MIB, -1)));
        Table t = SidesTable.peakMemory(run);
        assertThat(t.rows()).containsExactly(
                List.of("loopback", "1126 (1.10×)", "1050 (1.03×)", "1024"),
                List.of("null", "1200 (1.17×)", "n/a", "1024"));
    }

    @Test
    void mispredictionsArePerMeasuredScatterTrialPerSeries() {
        // 262144 page records per trial in the stub
        Run run = StubRun.of(List.of(trial(0, LOOPBACK, 10, -1, -1), trial(1, LOOPBACK, 30, -1, -1),
                trial(0, NULL, -1, -1, -1)));
        assertThat(SidesTable.mispredictions(run).rows()).containsExactly(
                List.of("loopback vectored", "2", "20.0", "10", "30", "0.08"));
        assertThat(SidesTable.peakMemory(run).rows()).as("no memory recorded").isEmpty();
    }

    @Test
    void aRunWithoutTheseFiguresHasNoRowsAndNoSection() {
        Run run = StubRun.of(List.of(StubRun.simple(0, LOOPBACK, TrialStatus.VERIFIED, 0.5)));
        assertThat(SidesTable.peakMemory(run).rows()).isEmpty();
        assertThat(SidesTable.mispredictions(run).rows()).isEmpty();
        assertThat(new SummaryMarkdown().render(run)).doesNotContain("Memory and receiver");
        Run sides = StubRun.of(List.of(trial(0, LOOPBACK, 5, 1100 * MIB, 1050 * MIB)));
        assertThat(new SummaryMarkdown().render(sides)).contains("## Memory and receiver", "| loopback vectored |",
                "1100 (1.07×)");
    }
}
