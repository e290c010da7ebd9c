package workbench.reports.warn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import workbench.reports.model.Counts;
import workbench.reports.model.Cpu;
import workbench.reports.model.Manifest;
import workbench.reports.model.Rounds;
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
        assertThat(found.get(0).text()).contains("CV 19.9% (over 10%)", "more RAM per trial (--ram, now 1 GiB)",
                "--warmup, now 0", "a quieter machine", "--pin", "more trials (--trials, now 5) do not lower it, they narrow the CI");
    }

    @Test
    void oneTrialFarFromTheMedianIsAnOutlier() {
        List<Warning.Found> found = Warning.check(run(0.100, 0.101, 0.099, 0.100, 0.102, 0.101, 0.160));
        assertThat(found).extracting(Warning.Found::warning).contains(Warning.OUTLIER);
        assertThat(found).filteredOn(f -> f.warning() == Warning.OUTLIER).singleElement()
                .satisfies(f -> assertThat(f.text()).startsWith("trial 6 (round 6, 0.1600 s) lies more than 3 MADs"));
    }

    @Test
    void manyOutliersAreNamedUpToFiveThenCounted() {
        double[] times = new double[40];
        java.util.Arrays.fill(times, 0.100);
        for (int i = 30; i < 37; i++) {
            times[i] = 0.200;
        }
        assertThat(Warning.check(run(times))).filteredOn(f -> f.warning() == Warning.OUTLIER).singleElement()
                .satisfies(f -> assertThat(f.text()).startsWith("trial 30 (round 30, 0.2000 s), trial 31")
                        .contains("trial 34 (round 34, 0.2000 s), … (7 of 40 trials) lie more than 3 MADs")
                        .doesNotContain("trial 35 ("));
    }

    @Test
    void aSubPercentStepInATightSeriesIsNoOutlier() {
        // 0.6% from the median is over 3 MADs of these tight trials, but under the 5% floor
        assertThat(Warning.check(run(0.1000, 0.1001, 0.0999, 0.1006))).extracting(Warning.Found::warning)
                .doesNotContain(Warning.OUTLIER);
        assertThat(Warning.check(run(0.1000, 0.1001, 0.0999, 0.1060))).extracting(Warning.Found::warning)
                .contains(Warning.OUTLIER);
    }

    @Test
    void aSeriesThatSlowsOverTheRunDrifts() {
        List<Warning.Found> found = Warning.check(run(0.100, 0.101, 0.099, 0.100, 0.102, 0.110, 0.111, 0.112, 0.110, 0.113));
        assertThat(found).extracting(Warning.Found::warning).containsExactly(Warning.DRIFT);
        assertThat(found.get(0).text()).startsWith("send time drifted over the run: median 0.1000 s over the first 5 trials,"
                + " 0.1110 s over the last 5 (+11.0%)");
        // the same spread without a trend, and a trend within 5%, raise nothing
        assertThat(Warning.check(run(0.100, 0.111, 0.099, 0.112, 0.102, 0.110, 0.101, 0.100, 0.110, 0.113)))
                .extracting(Warning.Found::warning).doesNotContain(Warning.DRIFT);
        assertThat(Warning.check(run(0.100, 0.101, 0.099, 0.100, 0.102, 0.103, 0.104, 0.105, 0.103, 0.104)))
                .extracting(Warning.Found::warning).doesNotContain(Warning.DRIFT);
    }

    @Test
    void withoutWarmUpTheFirstSeriesOfEachNetworkIsNamedAsColdAndWithWarmUpNothing() {
        SeriesKey vectored = SeriesKey.of("vectored", "loopback");
        SeriesKey gbe = SeriesKey.of("vectored", "link:gbe");
        List<TrialResult> trials = List.of(StubRun.simple(0, vectored, TrialStatus.VERIFIED, 0.1),
                StubRun.simple(1, SCALAR, TrialStatus.VERIFIED, 0.1), StubRun.simple(2, gbe, TrialStatus.VERIFIED, 0.5));
        assertThat(Warning.check(StubRun.of(trials))).filteredOn(f -> f.warning() == Warning.COLD_START).singleElement()
                .satisfies(f -> assertThat(f.line()).startsWith("loopback vectored: no warm-up round (--warmup 0): its trial 0 ran")
                        .contains("with one trial it is the series' whole figure", "use --warmup 1"));
        Manifest warm = StubRun.manifest(Rounds.fixed(1, 1), java.util.Map.of());
        assertThat(Warning.check(new Run(Run.SCHEMA, "w", warm, trials, true, null))).extracting(Warning.Found::warning)
                .doesNotContain(Warning.COLD_START);
    }

    @Test
    void aRunThatStoppedSaysWhy() {
        Run stopped = run(0.1, 0.1).failed("receiver died");
        assertThat(Warning.check(stopped)).extracting(Warning.Found::line)
                .containsExactly("run: stopped early (receiver died); figures cover the 2 trials that ran");
    }

    @Test
    void busyCoresBeyondTheRunsOwnProcessesAreOutsideLoad() {
        // 2 cores, 90% in user mode over 1 s = 1.8 cores; sender and receiver user 0.4 + 0.3 = 0.7: 1.1 cores were someone else's
        TrialResult loaded = load(0, 0.9, 0.0);
        TrialResult quiet = load(1, 0.4, 0.0); // 0.8 - 0.7 = 0.1 cores: within the noise
        TrialResult stolen = load(2, 0.3, 0.08);
        Manifest m = StubRun.manifest(Rounds.fixed(3, 0), java.util.Map.of("cpu.cores", "2"));
        Run run = new Run(Run.SCHEMA, "r", m, List.of(loaded, quiet, stolen), true, null);
        assertThat(Warning.check(run)).filteredOn(f -> f.warning() == Warning.OUTSIDE_LOAD).singleElement()
                .satisfies(f -> assertThat(f.text()).startsWith("other programs used on average 0.37 of 2 cores in user mode")
                        .contains("most in trial 0, trial 2 (over 0.5 cores, or steal over 5%)").doesNotContain("trial 1"));
        Manifest quietMachine = StubRun.manifest(Rounds.fixed(3, 0), java.util.Map.of("cpu.cores", "2"));
        assertThat(Warning.check(new Run(Run.SCHEMA, "q", quietMachine, List.of(quiet), true, null)))
                .extracting(Warning.Found::warning).doesNotContain(Warning.OUTSIDE_LOAD);
        // steal alone raises it; processes' ticks above the machine's read as no outside load, never a negative one
        TrialResult over = load(3, 0.3, 0.08);
        Run stolenOnly = new Run(Run.SCHEMA, "s", quietMachine, List.of(over), true, null);
        assertThat(Warning.check(stolenOnly)).filteredOn(f -> f.warning() == Warning.OUTSIDE_LOAD).singleElement()
                .satisfies(f -> assertThat(f.text()).startsWith("other programs used on average 0.00 of 2 cores"));
        Run unknownCores = StubRun.of(List.of(loaded));
        assertThat(Warning.check(unknownCores)).extracting(Warning.Found::warning).doesNotContain(Warning.OUTSIDE_LOAD);
    }

    @Test
    void anAdaptiveRunThatStoppedShortSaysConfidenceWasNotAchieved() {
        List<TrialResult> trials = new ArrayList<>();
        double[] times = {0.10, 0.13, 0.08, 0.12, 0.09};
        for (int i = 0; i < times.length; i++) {
            trials.add(StubRun.simple(i, SCALAR, TrialStatus.VERIFIED, times[i]));
        }
        Manifest wide = StubRun.manifest(new Rounds(3, 0, OptionalDouble.of(0.02), 5), java.util.Map.of());
        assertThat(Warning.check(new Run(Run.SCHEMA, "r", wide, trials, true, null)))
                .filteredOn(f -> f.warning() == Warning.CONFIDENCE_NOT_ACHIEVED).singleElement()
                .satisfies(f -> assertThat(f.text()).startsWith("confidence not achieved: the 95% CI is ±").contains("2.0%", "(now 5)"));
        Manifest loose = StubRun.manifest(new Rounds(3, 0, OptionalDouble.of(0.5), 5), java.util.Map.of());
        assertThat(Warning.check(new Run(Run.SCHEMA, "r", loose, trials, true, null)))
                .extracting(Warning.Found::warning).doesNotContain(Warning.CONFIDENCE_NOT_ACHIEVED);
    }

    private static TrialResult load(int index, double user, double steal) {
        return new TrialResult(index, index, false, SCALAR, TrialStatus.VERIFIED, null, "2026-01-01T00:00:00Z", 0.9, 1.0,
                new Counts(1L << 30, 0, 262_144, 32_768, 0, 0, 1L << 30), new Cpu(0.3, 0.1, 0.4, 0.2),
                new Cpu(0.3, 0.1, 0.3, 0.2), 0, 1.0, steal, user);
    }

    private static Run run(double... times) {
        List<TrialResult> trials = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            trials.add(StubRun.simple(i, SCALAR, TrialStatus.VERIFIED, times[i]));
        }
        return StubRun.of(trials);
    }
}
