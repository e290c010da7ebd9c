package workbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import workbench.reports.model.Counts;
import workbench.reports.model.Cpu;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;

class MetricTest {
    /** one GiB of stream in 2 s; sender thread 0.75 s, sender process 1.5 s, receiver process 0.5 s */
    private static final TrialResult GIB_IN_TWO_SECONDS = new TrialResult(0, 0, false, SeriesKey.of("scalar", "loopback"),
            TrialStatus.VERIFIED, null, "2026-01-01T00:00:00Z", 2.0, 2.5,
            new Counts(1L << 30, 10, 20, 30, 40, 50, 60), new Cpu(0.5, 0.25, 1.0, 0.5), new Cpu(0, 0, 0.25, 0.25),
            0, 0.1, 0.0, 0.0);

    @Test
    void throughputIsDecimalGigabitsAndBinaryMebibytesOverSendTime() {
        assertThat(Metric.GBIT_PER_SECOND.of(GIB_IN_TWO_SECONDS)).isCloseTo(8 * 1.073741824 / 2, within(1e-12));
        assertThat(Metric.MIB_PER_SECOND.of(GIB_IN_TWO_SECONDS)).isCloseTo(512.0, within(1e-12));
    }

    @Test
    void cpuIsSecondsPerGibOfStream() {
        assertThat(Metric.SENDER_THREAD_CPU_PER_GIB.of(GIB_IN_TWO_SECONDS)).isEqualTo(0.75);
        assertThat(Metric.SENDER_PROCESS_CPU_PER_GIB.of(GIB_IN_TWO_SECONDS)).isEqualTo(1.5);
        assertThat(Metric.RECEIVER_PROCESS_CPU_PER_GIB.of(GIB_IN_TWO_SECONDS)).isEqualTo(0.5);
    }

    @Test
    void countsAndTimesAreReadAsTheyAre() {
        assertThat(Metric.SEND_SECONDS.of(GIB_IN_TWO_SECONDS)).isEqualTo(2.0);
        assertThat(Metric.TRANSFER_SECONDS.of(GIB_IN_TWO_SECONDS)).isEqualTo(2.5);
        assertThat(Metric.DUP_PAGES.of(GIB_IN_TWO_SECONDS)).isEqualTo(10);
        assertThat(Metric.NODUP_PAGES.of(GIB_IN_TWO_SECONDS)).isEqualTo(20);
        assertThat(Metric.WRITE_CALLS.of(GIB_IN_TWO_SECONDS)).isEqualTo(30);
        assertThat(Metric.WRITEV_CALLS.of(GIB_IN_TWO_SECONDS)).isEqualTo(40);
        assertThat(Metric.IOVECS.of(GIB_IN_TWO_SECONDS)).isEqualTo(50);
    }

    @Test
    void zeroTimeOrZeroBytesGiveNaNRatherThanInfinity() {
        TrialResult empty = new TrialResult(0, 0, false, SeriesKey.of("scalar", "loopback"), TrialStatus.FAILED,
                "broken", "2026-01-01T00:00:00Z", 0, 0, new Counts(0, 0, 0, 0, 0, 0, 0), Cpu.NONE, Cpu.NONE, 0, 0, 0, 0.0);
        assertThat(Metric.GBIT_PER_SECOND.of(empty)).isNaN();
        assertThat(Metric.SENDER_THREAD_CPU_PER_GIB.of(empty)).isNaN();
    }

    @Test
    void columnNamesAreUniqueLowerCamelCase() {
        assertThat(java.util.Arrays.stream(Metric.values()).map(Metric::column))
                .doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z][a-zA-Z]*"));
    }
}
