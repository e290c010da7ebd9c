package workbench.harness.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import workbench.reports.model.Cpu;

class ThreadTimesTest {
    private static final Path SELF = Path.of("/proc/self");

    @Test
    void aBusyThreadsFewMillisecondsShowAtNanosecondResolution() throws Exception {
        Optional<ThreadTimes> start = ThreadTimes.of(SELF);
        assumeTrue(start.isPresent(), "needs /proc/PID/task/TID/schedstat");
        long until = System.nanoTime() + 3_000_000; // 3 ms: under one 10 ms tick
        long spins = 0;
        while (System.nanoTime() < until) {
            spins++;
        }
        double seconds = ThreadTimes.of(SELF).orElseThrow().secondsSince(start.get()).orElseThrow();
        assertThat(spins).isPositive();
        assertThat(seconds).isGreaterThanOrEqualTo(0.0025).isLessThan(1.0);
    }

    @Test
    void aThreadThatEndedLeavesTheDifferenceUndefined() {
        ThreadTimes start = new ThreadTimes(Map.of(1L, 100L, 2L, 500L));
        assertThat(new ThreadTimes(Map.of(1L, 300L)).secondsSince(start)).isEmpty();
        assertThat(new ThreadTimes(Map.of(1L, 300L, 2L, 500L, 3L, 1_000_000_000L)).secondsSince(start))
                .contains(1.0000002);
    }

    @Test
    void theProcessFigureFallsBackToTicksWhereNanosecondsAreUnknown() {
        assertThat(new Cpu(0, 0, 0.02, 0.01).process()).isEqualTo(0.03);
        assertThat(new Cpu(0, 0, 0.02, 0.01, 0.0234).process()).isEqualTo(0.0234);
        ThreadTimes before = new ThreadTimes(Map.of(1L, 0L));
        ThreadTimes after = new ThreadTimes(Map.of(1L, 50_000_000L)); // 50 ms on the one thread both readings saw
        assertThat(CpuClock.preciseSeconds(Optional.empty(), Optional.of(after), 0.05)).isZero();
        assertThat(CpuClock.preciseSeconds(Optional.of(before), Optional.of(after), 0.06)).isEqualTo(0.05);
        // ticks of 0.40 s: threads that came and went in between did the rest, which no schedstat still holds
        assertThat(CpuClock.preciseSeconds(Optional.of(before), Optional.of(after), 0.40)).isZero();
    }
}
