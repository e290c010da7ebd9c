package workbench.reports.warn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import workbench.reports.model.Run;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.StubRun;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;

class WarningTest {
    private static final SeriesKey SCALAR = SeriesKey.of("scalar", "loopback");

    @Test
    void theStubRunWarnsOfItsFailedTrialAndItsUnverifiedSeries() {
        List<Warning.Found> found = Warning.check(StubRun.create());
        assertThat(found).extracting(Warning.Found::warning).contains(Warning.FAILED_TRIALS, Warning.UNVERIFIED)
                .doesNotContain(Warning.INCOMPLETE_RUN);
        assertThat(found).filteredOn(f -> f.warning() == Warning.FAILED_TRIALS).singleElement()
                .satisfies(f -> assertThat(f.text()).startsWith("1 trial failed").contains("digest mismatch"));
        assertThat(found).filteredOn(f -> f.warning() == Warning.UNVERIFIED).hasSize(2)
                .allSatisfy(f -> assertThat(f.subject()).startsWith("null ").endsWith("(unverified)"));
    }

    @Test
    void aQuietSeriesRaisesNothing() {
        assertThat(Warning.check(run(0.100, 0.101, 0.099, 0.100, 0.102))).isEmpty();
    }

    @Test
    void cvOverTenPercentIsNoisyAndTheHintNamesTheUsersCounts() {
        List<Warning.Found> found = Warning.check(run(0.10, 0.13, 0.08, 0.12, 0.09));
        assertThat(found).extracting(Warning.Found::warning).containsExactly(Warning.HIGH_CV);
        assertThat(found.get(0).text()).contains("CV 19.9% (over 10%)", "--trials (now 5)");
    }

    @Test
    void oneTrialFarFromTheMedianIsAnOutlier() {
        List<Warning.Found> found = Warning.check(run(0.100, 0.101, 0.099, 0.100, 0.102, 0.101, 0.160));
        assertThat(found).extracting(Warning.Found::warning).contains(Warning.OUTLIER);
        assertThat(found).filteredOn(f -> f.warning() == Warning.OUTLIER).singleElement()
                .satisfies(f -> assertThat(f.text()).startsWith("trial 6 (round 6, 0.1600 s) lies more than 3 MADs"));
    }

    @Test
    void aRunThatStoppedSaysWhy() {
        Run stopped = run(0.1, 0.1).failed("receiver died");
        assertThat(Warning.check(stopped)).extracting(Warning.Found::line)
                .containsExactly("run: stopped early (receiver died); figures cover the 2 trials that ran");
    }

    private static Run run(double... times) {
        List<TrialResult> trials = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            trials.add(StubRun.simple(i, SCALAR, TrialStatus.VERIFIED, times[i]));
        }
        return StubRun.of(trials);
    }
}
