package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JMH from the shaded jar, in a forked JVM, as a user runs it: JMH's options pass through, results land under --out. */
class MicroCommandIT {
    @TempDir
    Path out;

    @Test
    void oneBenchmarkRunsForkedWithJmhOptionsAndLeavesItsJsonUnderResults() throws Exception {
        Jar.Ran ran = Jar.run("micro", "DupScanBench", "-p", "policy=ZERO", "-p", "page=RANDOM", "-prof", "gc",
                "-f", "1", "-wi", "0", "-i", "1", "-r", "1", "--out", out.toString());
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("DupScanBench.dupFill", "gc.alloc.rate.norm", "ns/op");
        List<Path> folders;
        try (Stream<Path> s = Files.list(out)) {
            folders = s.toList();
        }
        assertThat(folders).singleElement().satisfies(f -> assertThat(f.getFileName().toString()).startsWith("micro-"));
        Path json = folders.get(0).resolve("jmh-result.json");
        assertThat(ran.out()).contains("results: " + json);
        String text = Files.readString(json);
        assertThat(text).contains("\"benchmark\" : \"workbench.harness.micro.DupScanBench.dupFill\"", "\"page\" : \"RANDOM\"",
                "\"gc.alloc.rate.norm\"", "-Djava.awt.headless=true");
        assertThat(text).doesNotContain("\"policy\" : \"UNIFORM\"", "\"page\" : \"ZERO\"");
    }

    @Test
    void aBadJmhOptionIsOneLineAndExitTwoWithNothingLeftBehind() throws Exception {
        Jar.Ran ran = Jar.run("micro", "-zz", "--out", out.toString());
        assertThat(ran.exit()).as(ran.out() + ran.err()).isEqualTo(2);
        assertThat(ran.err().strip()).startsWith("workbench: error: JMH option: ").contains("--jmh-help").doesNotContain("\n");
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void aBenchmarkThatFailsFailsTheCommandAndLeavesNoResultsFolder() throws Exception {
        Jar.Ran ran = Jar.run("micro", "DupScanBench", "-p", "policy=NOPE", "-p", "page=ZERO", "-f", "1", "-wi", "0", "-i", "1",
                "-r", "1", "--out", out.toString());
        assertThat(ran.exit()).as(ran.out() + ran.err()).isEqualTo(1);
        assertThat(ran.err()).contains("workbench: error: the benchmarks failed");
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void anUnknownParameterOrAPatternMatchingNothingIsOneLineAndExitTwo() throws Exception {
        Jar.Ran param = Jar.run("micro", "SinkBench", "-p", "polcy=ZERO", "--out", out.toString());
        assertThat(param.exit()).as(param.out() + param.err()).isEqualTo(2);
        assertThat(param.err().strip()).isEqualTo("workbench: error: no selected benchmark has a parameter polcy; "
                + "the selected benchmarks take dup, strategy ('workbench micro -lp' lists them)");
        Jar.Ran none = Jar.run("micro", "--include", "NoSuchBench", "--iterations", "1", "--out", out.toString());
        assertThat(none.exit()).as(none.out() + none.err()).isEqualTo(2);
        assertThat(none.err()).startsWith("workbench: error: no benchmark matches");
        Jar.Ran both = Jar.run("micro", "--forks", "1", "-f", "2", "--out", out.toString());
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err().strip()).isEqualTo("workbench: error: --forks and JMH's -f set the same thing; give one of them");
    }
}
