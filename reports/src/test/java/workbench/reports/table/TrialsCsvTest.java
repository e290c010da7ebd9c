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
        assertThat(lines[1]).endsWith(",8.589934592,1024.0,0.0,0.0,0.0");
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
                .allMatch(c -> c.matches("[a-z][a-zA-Z]*") || c.equals("param.scalar-buffer"), "lowerCamelCase");
    }
}
