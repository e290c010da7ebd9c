package workbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import workbench.reports.model.Run;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.SeriesRole;
import workbench.reports.model.StubRun;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;

/** Strategies against the ceilings and baselines measured beside them: the per-round ratio, its median and CI. */
class ReferencesTest {
    /** our time over QEMU's per round: sorted 0.60 … 0.95, median 0.80; seven values put the 95% CI at the extremes */
    private static final double[] OURS_OVER_QEMU = {0.70, 0.80, 0.90, 0.85, 0.95, 0.75, 0.60};
    private static final int ROUNDS = OURS_OVER_QEMU.length;

    private static final SeriesKey VECTORED = SeriesKey.of("vectored", "loopback");
    private static final SeriesKey MULTIFD_2 = new SeriesKey("multifd", "loopback", Map.of("channels", "2"));
    private static final SeriesKey IPERF3 = new SeriesKey("iperf3", "loopback", SeriesRole.CEILING, Map.of());
    private static final SeriesKey QEMU = new SeriesKey("qemu", "loopback", SeriesRole.BASELINE, Map.of());
    private static final SeriesKey QEMU_MULTIFD_2 = new SeriesKey("qemu-multifd", "loopback", SeriesRole.BASELINE,
            Map.of("channels", "2"));
    private static final SeriesKey QEMU_MULTIFD_4 = new SeriesKey("qemu-multifd", "loopback", SeriesRole.BASELINE,
            Map.of("channels", "4"));
    private static final SeriesKey QEMU_SOURCE = new SeriesKey("qemu-source", "loopback", SeriesRole.BASELINE, Map.of());
    private static final SeriesKey QEMU_ELSEWHERE = new SeriesKey("qemu", "link:gbe", SeriesRole.BASELINE, Map.of());

    private static Run run() {
        List<TrialResult> trials = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            trials.add(StubRun.simple(round, VECTORED, TrialStatus.VERIFIED, 0.30));
            trials.add(StubRun.simple(round, MULTIFD_2, TrialStatus.VERIFIED, 0.30));
            trials.add(StubRun.simple(round, IPERF3, TrialStatus.UNVERIFIED, 0.15));
            trials.add(StubRun.simple(round, QEMU, TrialStatus.VERIFIED, 0.30 / OURS_OVER_QEMU[round]));
            trials.add(StubRun.simple(round, QEMU_MULTIFD_2, TrialStatus.VERIFIED, 0.25));
            trials.add(StubRun.simple(round, QEMU_MULTIFD_4, TrialStatus.VERIFIED, 0.20));
            trials.add(StubRun.simple(round, QEMU_SOURCE, TrialStatus.UNVERIFIED, 0.10)); // its digest was not checked
            trials.add(StubRun.simple(round, QEMU_ELSEWHERE, TrialStatus.VERIFIED, 0.60));
        }
        return StubRun.of(trials);
    }

    @Test
    void eachVerifiedStrategyMeetsEveryReferenceOfItsNetworkWhoseSettingsAgree() {
        assertThat(References.of(run())).extracting(r -> r.ours().key().label() + " / " + r.referenceName()).containsExactly(
                "loopback vectored / iperf3", "loopback vectored / qemu", "loopback vectored / qemu-multifd channels=2",
                "loopback vectored / qemu-multifd channels=4",
                "loopback multifd channels=2 / iperf3", "loopback multifd channels=2 / qemu",
                "loopback multifd channels=2 / qemu-multifd");
    }

    @Test
    void aBaselineLineIsOurTimeOverTheBaselinesWithTheMedianAndItsOrderStatisticInterval() {
        References.Ratio qemu = References.of(run()).get(1);
        assertThat(qemu.ceiling()).isFalse();
        assertThat(qemu.comparison().ratios()).hasSize(ROUNDS);
        assertThat(qemu.comparison().ratios().get(6)).isCloseTo(0.60, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(qemu.sentence()).isEqualTo("loopback vectored: 0.80× of qemu's time (median of 7 per-round ratios, "
                + "95% CI 0.60–0.95×; our transfer time over qemu's for the same guest)");
        assertThat(References.of(run()).get(6).sentence()).startsWith("loopback multifd channels=2: 1.20× of qemu-multifd's time");
    }

    @Test
    void aCeilingLineStaysTheCeilingsTimeOverOurs() {
        References.Ratio iperf3 = References.of(run()).get(0);
        assertThat(iperf3.ceiling()).isTrue();
        assertThat(iperf3.sentence()).isEqualTo("loopback vectored: 0.50× of iperf3's rate (median of 7 per-round ratios, "
                + "95% CI 0.50–0.50×; our transfer time against iperf3's receiver-side time for the same bytes)");
    }

    @Test
    void baselinesNeverEnterTheHeadlinePairs() {
        assertThat(Comparisons.against(run(), "vectored"))
                .extracting(c -> c.baseline().key().strategy() + " → " + c.candidate().key().strategy())
                .containsExactly("vectored → multifd");
    }
}
