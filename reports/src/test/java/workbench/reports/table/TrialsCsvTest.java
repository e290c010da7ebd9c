package workbench.reports.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import workbench.reports.model.Counts;
import workbench.reports.model.Cpu;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.StubRun;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;

class TrialsCsvTest {
    @Test
    void quotesPerRfc4180() {
        assertThat(TrialsCsv.quote("plain")).isEqualTo("plain");
        assertThat(TrialsCsv.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(TrialsCsv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(TrialsCsv.quote("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void numbersAreLocaleFreeAndNeverInExponentForm() {
        assertThat(TrialsCsv.number(0.000012)).isEqualTo("0.000012");
        assertThat(TrialsCsv.number(1.5e10)).isEqualTo("15000000000");
        assertThat(TrialsCsv.number(Double.NaN)).isEmpty();
    }

    @Test
    void everySweptSettingGetsAColumnAndLinesEndInLf() {
        TrialResult t = new TrialResult(0, 0, false, new SeriesKey("vectored", "loopback", Map.of("batch", "64")),
                TrialStatus.FAILED, "reset, by peer", "2026-01-01T00:00:00Z", 1.0, 1.0,
                new Counts(1L << 30, 1, 2, 3, 4, 5, 6), Cpu.NONE, Cpu.NONE, 0, 0.5, 0.0, 0.0);
        String csv = TrialsCsv.render(StubRun.of(List.of(t)));
        assertThat(csv).doesNotContain("\r");
        String[] lines = csv.split("\n", -1);
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("index,round,warmup,fork,strategy,network,role,param.batch,status,failure,startedAt,"
                + "sendSeconds,transferSeconds,streamBytes,");
        assertThat(lines[1]).startsWith("0,0,false,0,vectored,loopback,strategy,64,failed,\"reset, by peer\",");
        assertThat(lines[1]).endsWith(",8.589934592,1024.0,0.0,0.0,0.0,bulk" + ",".repeat(19)); // no live figures
        assertThat(lines[2]).isEmpty();
    }

    @Test
    void sweptWholeNumbersAreIntegersAndOtherValuesStayAsRecorded() {
        assertThat(TrialsCsv.whole("128.0")).isEqualTo("128");
        assertThat(TrialsCsv.whole("128")).isEqualTo("128");
        assertThat(TrialsCsv.whole("0.034")).isEqualTo("0.034");
        assertThat(TrialsCsv.whole("32K")).isEqualTo("32K");
        assertThat(TrialsCsv.whole("")).isEmpty();
    }

    @Test
    void columnsAreLowerCamelCaseOrParamDotOption() {
        TrialResult t = new TrialResult(0, 0, false, new SeriesKey("vectored", "loopback", Map.of("scalar-buffer", "32K")),
                TrialStatus.VERIFIED, null, "2026-01-01T00:00:00Z", 1.0, 1.0,
                new Counts(1L << 30, 1, 2, 3, 4, 5, 6), Cpu.NONE, Cpu.NONE, 0, 0.5, 0.0, 0.0);
        String header = TrialsCsv.render(StubRun.of(List.of(t))).lines().findFirst().orElseThrow();
        assertThat(header.split(",")).doesNotHaveDuplicates()
                .allMatch(c -> c.matches("[a-z][a-zA-Z0-9]*") || c.equals("param.scalar-buffer"), "lowerCamelCase");
    }

    @Test
    void liveTrialsFillTheLiveColumnsAndABulkTrialLeavesThemEmpty() {
        TrialResult bulk = StubRun.simple(0, SeriesKey.of("scalar", "loopback"), TrialStatus.VERIFIED, 0.5);
        TrialResult ckpt = workbench.reports.stats.LatencyComparisonTest.checkpoints(1, "vectored",
                workbench.reports.stats.LatencyComparisonTest.millis(101, 1));
        TrialResult pre = bulk.withLive(workbench.reports.model.LiveFigures.of(new workbench.reports.model.LiveFigures.PrecopyFigures(
                List.of(new workbench.reports.model.LiveFigures.Pass(1, 4096, 16_900_000, 0.2, false),
                        new workbench.reports.model.LiveFigures.Pass(2, 30, 120_000, 0.001, true)),
                false, 0.004, 12000, 8.5e7, 0.3, 30)));
        List<String> lines = TrialsCsv.render(StubRun.of(List.of(bulk, ckpt, pre))).lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        java.util.function.BiFunction<Integer, String, String> cell = (row, column) ->
                lines.get(row).split(",", -1)[header.indexOf(column)];
        assertThat(header.subList(header.indexOf("workload"), header.size())).containsExactly("workload", "checkpoints",
                "checkpointLatencyMeanSeconds", "checkpointLatencyP50Seconds", "checkpointLatencyP90Seconds",
                "checkpointLatencyP99Seconds", "checkpointLatencyMaxSeconds", "ackPathSeconds", "pagesPerCheckpoint",
                "bytesPerCheckpoint", "checkpointsPerSecond", "pausedFraction", "digestSeconds", "checkpointWritesPerSecond",
                "precopyPasses", "precopyDowntimeSeconds", "precopyBandwidth", "precopyWritesPerSecond", "precopyConverged",
                "precopyPassBytes");
        assertThat(cell.apply(1, "workload")).isEqualTo("bulk");
        assertThat(lines.get(1)).endsWith(",bulk" + ",".repeat(19));
        assertThat(cell.apply(2, "workload")).isEqualTo("checkpoint");
        assertThat(cell.apply(2, "checkpoints")).isEqualTo("101");
        assertThat(cell.apply(2, "checkpointLatencyP50Seconds")).isEqualTo("0.051");
        assertThat(cell.apply(2, "checkpointLatencyMaxSeconds")).isEqualTo("0.101");
        assertThat(cell.apply(2, "ackPathSeconds")).isEqualTo("0.0003");
        assertThat(cell.apply(2, "pausedFraction")).isEqualTo("0.2");
        assertThat(cell.apply(2, "precopyPasses")).isEmpty();
        assertThat(cell.apply(3, "workload")).isEqualTo("precopy");
        assertThat(cell.apply(3, "precopyPasses")).isEqualTo("1");
        assertThat(cell.apply(3, "precopyDowntimeSeconds")).isEqualTo("0.004");
        assertThat(cell.apply(3, "precopyConverged")).isEqualTo("false");
        assertThat(cell.apply(3, "precopyPassBytes")).isEqualTo("16900000;120000");
        assertThat(cell.apply(3, "checkpoints")).isEmpty();
    }
}
