package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JMH from the shaded jar, in a forked JVM, as a user runs it. */
class MicroCommandIT {
    @Test
    void theDupScanBenchmarkRunsForkedFromTheJar() throws Exception {
        Jar.Ran ran = Jar.run("micro", "--include", "DupScanBench.zeroPolicy", "--forks", "1", "--warmup-iterations", "0",
                "--iterations", "1", "--seconds", "1");
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("DupScanBench.zeroPolicy", "ZERO", "UNIFORM", "OTHER", "ns/op");
    }

    @Test
    void aPatternMatchingNothingIsOneLineAndExitTwo() throws Exception {
        Jar.Ran ran = Jar.run("micro", "--include", "NoSuchBench", "--iterations", "1");
        assertThat(ran.exit()).as(ran.out() + ran.err()).isEqualTo(2);
        assertThat(ran.err()).contains("workbench: error: ");
    }
}
