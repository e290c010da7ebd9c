package workbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.StubRun;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;

class ComparisonsTest {
    private static SeriesKey key(String strategy, Map<String, String> params) {
        return new SeriesKey(strategy, "link:ipoib", params);
    }

    @Test
    void aCandidateMeetsEveryBaselineThatAgreesOnTheSettingsBothCarry() {
        SeriesKey vecOff = key("vectored", Map.of("tcp-nodelay", "off"));
        SeriesKey vecOn = key("vectored", Map.of("tcp-nodelay", "on"));
        SeriesKey sc32Off = key("scalar", Map.of("scalar-buffer", "32K", "tcp-nodelay", "off"));
        SeriesKey sc64Off = key("scalar", Map.of("scalar-buffer", "64K", "tcp-nodelay", "off"));
        SeriesKey sc32On = key("scalar", Map.of("scalar-buffer", "32K", "tcp-nodelay", "on"));
        List<TrialResult> trials = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            trials.add(StubRun.simple(round, vecOff, TrialStatus.VERIFIED, 0.20 + 0.01 * round));
            trials.add(StubRun.simple(round, vecOn, TrialStatus.VERIFIED, 0.19 + 0.01 * round));
            trials.add(StubRun.simple(round, sc32Off, TrialStatus.VERIFIED, 0.25 + 0.01 * round));
            trials.add(StubRun.simple(round, sc64Off, TrialStatus.VERIFIED, 0.26 + 0.01 * round));
            trials.add(StubRun.simple(round, sc32On, TrialStatus.VERIFIED, 0.24 + 0.01 * round));
        }
        List<Comparisons.SeriesComparison> found = Comparisons.against(StubRun.of(trials), "scalar");
        assertThat(found).extracting(Comparisons.SeriesComparison::context).containsExactly(
                "link:ipoib scalar-buffer=32K tcp-nodelay=off",
                "link:ipoib scalar-buffer=64K tcp-nodelay=off",
                "link:ipoib scalar-buffer=32K tcp-nodelay=on");
        assertThat(found.get(0).comparison().medianRatio()).isGreaterThan(1.0);
    }

    @Test
    void aStrategyListedAgainIsPairedWithItsFirstListingAndWithTheBaseline() {
        List<TrialResult> trials = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            trials.add(StubRun.simple(round, SeriesKey.of("vectored", "loopback"), TrialStatus.VERIFIED, 0.20 + 0.001 * round));
            trials.add(StubRun.simple(round, SeriesKey.of("vectored#2", "loopback"), TrialStatus.VERIFIED, 0.20 + 0.001 * round));
            trials.add(StubRun.simple(round, SeriesKey.of("scalar", "loopback"), TrialStatus.VERIFIED, 0.30));
            trials.add(StubRun.simple(round, SeriesKey.of("scalar#2", "loopback"), TrialStatus.VERIFIED, 0.30));
        }
        List<Comparisons.SeriesComparison> found = Comparisons.against(StubRun.of(trials), "scalar");
        assertThat(found).extracting(c -> c.candidate().key().strategy() + " vs " + c.baseline().key().strategy())
                .containsExactly("vectored vs scalar", "vectored#2 vs scalar", "vectored#2 vs vectored", "scalar#2 vs scalar");
        assertThat(found.get(2).verdict().outcome()).isEqualTo(Verdict.Outcome.EQUIVALENT);
        assertThat(found.get(2).sentence()).startsWith("loopback: vectored#2 vs vectored: equivalent within ±2% (speedup 1.00×");
        // without the baseline in the run, the A/A pair is still reported
        List<TrialResult> aa = trials.stream().filter(t -> t.series().strategy().startsWith("vectored")).toList();
        assertThat(Comparisons.against(StubRun.of(aa), "scalar")).extracting(c -> c.candidate().key().strategy())
                .containsExactly("vectored#2");
    }
}
