package workbench.reports.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import workbench.reports.model.Counts;
import workbench.reports.model.Cpu;
import workbench.reports.model.Run;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.StubRun;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;

class SeedTableTest {
    private static TrialResult trial(int round, SeriesKey key, double seconds, long writes, long writevs, long dup) {
        return new TrialResult(round, round, false, key, TrialStatus.VERIFIED, null, "2026-01-01T00:00:00Z", seconds,
                seconds, new Counts(1 << 20, dup, 262_144 - dup, writes, writevs, 2 * writevs, 0), Cpu.NONE, Cpu.NONE,
                0, 0, 0, 0.0);
    }

    @Test
    void cellsAreMeanAndSampleSdLikeThe2010Table() {
        SeriesKey scalar = new SeriesKey("scalar", "link:gbe", Map.of("batch", "64"));
        SeriesKey vectored = scalar.withStrategy("vectored");
        // scalar times 0.390, 0.400, 0.410: mean 0.400, sd 0.010; writes 32828, 32829, 32830: sd 1
        Run run = StubRun.of(List.of(
                trial(0, vectored, 0.231, 0, 2048, 8913), trial(0, scalar, 0.390, 32828, 0, 8912),
                trial(1, scalar, 0.400, 32829, 0, 8913), trial(1, vectored, 0.231, 0, 2048, 8913),
                trial(2, vectored, 0.231, 0, 2048, 8913), trial(2, scalar, 0.410, 32830, 0, 8914)));
        assertThat(TableWriter.console().render(SeedTable.of(run))).isEqualTo(
                "network   strategy           time (sec)         write count  writev count  dup count  nodup count\n"
                + "link:gbe  vectored batch=64  0.231 (std 0.000)  0 (0)        2048 (0)      8913 (0)   253231 (0)\n"
                + "link:gbe  scalar batch=64    0.400 (std 0.010)  32829 (1)    0 (0)         8913 (1)   253231 (1)\n");
    }

    @Test
    void aSingleTrialHasNoSpreadToShow() {
        Run run = StubRun.of(List.of(trial(0, SeriesKey.of("scalar", "loopback"), 0.5, 16, 0, 1)));
        assertThat(SeedTable.of(run).rows()).containsExactly(
                List.of("loopback", "scalar", "0.500 (std n/a)", "16 (n/a)", "0 (n/a)", "1 (n/a)", "262143 (n/a)"));
    }

    @Test
    void sendfileCallsGetAColumnOnlyWhenSomeSeriesMadeThem() {
        SeriesKey vectored = SeriesKey.of("vectored", "loopback");
        TrialResult sendfile = new TrialResult(1, 0, false, vectored.withStrategy("sendfile"), TrialStatus.VERIFIED, null,
                "2026-01-01T00:00:00Z", 0.3, 0.3, new Counts(1 << 20, 1, 262_143, 262_143, 0, 0, 9, 262_143), Cpu.NONE,
                Cpu.NONE, 0, 0, 0, 0.0);
        Table table = SeedTable.of(StubRun.of(List.of(trial(0, vectored, 0.2, 0, 2048, 1), sendfile)));
        assertThat(table.header()).containsExactly("network", "strategy", "time (sec)", "write count", "writev count",
                "sendfile count", "dup count", "nodup count");
        assertThat(table.rows()).extracting(r -> r.get(5)).containsExactly("0 (n/a)", "262143 (n/a)");
        assertThat(SeedTable.of(StubRun.of(List.of(trial(0, vectored, 0.2, 0, 2048, 1)))).header()).isEqualTo(SeedTable.HEADER);
    }
}
