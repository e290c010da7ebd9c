package workbench.harness.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeakMemoryTest {
    @Test
    void readsVmHwmInBytes() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t 8764736 kB\nVmRSS:\t  123 kB\n";
        assertThat(PeakMemory.parse(status)).hasValue(8764736L << 10);
    }

    @Test
    void withoutAReadableVmHwmItIsUnknownNotZero() {
        assertThat(PeakMemory.parse("Name:\tjava\nVmRSS:\t 123 kB\n")).isEmpty();
        assertThat(PeakMemory.parse("VmHWM:\t lots\n")).isEmpty();
        assertThat(PeakMemory.parse("VmHWM:\t 12 MB\n")).isEmpty();
    }

    @Test
    void thisProcessHasAPeakAtLeastItsHeapInUse() {
        Runtime rt = Runtime.getRuntime();
        java.util.OptionalLong peak = PeakMemory.ofThisProcess();
        assertThat(peak).isPresent();
        assertThat(peak.getAsLong()).isGreaterThan(rt.totalMemory() - rt.freeMemory());
    }
}
