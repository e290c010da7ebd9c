package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run --workload precopy|checkpoint end to end with the jar: verified trials, their figures, their tables; refusals. */
class LiveRunIT {
    @TempDir
    Path tmp;

    private JsonNode onlyRun(Path out) throws Exception {
        List<Path> runs;
        try (Stream<Path> s = Files.list(out)) {
            runs = s.filter(Files::isDirectory).toList();
        }
        assertThat(runs).hasSize(1);
        return new ObjectMapper().readTree(runs.get(0).resolve("run.json").toFile());
    }

    @Test
    void aPrecopyAndACheckpointRunAreVerifiedAndReported() throws Exception {
        Path pre = tmp.resolve("pre");
        Jar.Ran ran = Jar.run("run", "--workload", "precopy", "--write-rate", "5000/s", "--baselines", "none", "--ram", "16M",
                "--trials", "1", "--warmup", "0", "--out", pre.toString(), "--quiet");
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("pre-copy:", "converged", "downtime (ms)");
        JsonNode run = onlyRun(pre);
        for (JsonNode t : run.get("trials")) {
            assertThat(t.get("status").asText()).isEqualTo("verified");
            assertThat(t.get("live").get("precopy").get("passes").get(0).get("pages").asLong()).isEqualTo(4096);
        }
        try (Stream<Path> s = Files.list(pre)) {
            assertThat(Files.readString(s.filter(Files::isDirectory).findFirst().orElseThrow().resolve("summary.md")))
                    .contains("## Pre-copy");
        }

        Path ckpt = tmp.resolve("ckpt");
        ran = Jar.run("run", "--workload", "checkpoint", "--epoch", "10ms", "--checkpoints", "40", "--check-every", "7",
                "--baselines", "none", "--ram", "16M", "--trials", "1", "--warmup", "0", "--net", "unix", "--out", ckpt.toString(),
                "--quiet");
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("checkpoints:", "p99 ms", "ack path ms", "seed table per checkpoint");
        run = onlyRun(ckpt);
        for (JsonNode t : run.get("trials")) {
            assertThat(t.get("status").asText()).isEqualTo("verified");
            JsonNode c = t.get("live").get("checkpoint");
            assertThat(c.get("latencies")).hasSize(40);
            assertThat(c.get("checked").toString()).isEqualTo("[7,14,21,28,35,40]");
        }
        Path dir;
        try (Stream<Path> s = Files.list(ckpt)) {
            dir = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertThat(dir.resolve("charts").resolve("checkpoint-latency-cdf.png")).exists();
    }

    @Test
    void whatALiveWorkloadCannotDoIsRefusedInOneLine() throws Exception {
        for (String[] args : List.of(new String[] {"--workload", "precopy", "--dirty", "0.5"},
                new String[] {"--workload", "checkpoint", "--dest", "qemu"},
                new String[] {"--workload", "checkpoint", "--receive", "scatter", "--net", "null"},
                new String[] {"--workload", "live", "--net", "null"})) {
            String[] all = Stream.concat(Stream.of("run", "--out", tmp.toString(), "--quiet"), Stream.of(args)).toArray(String[]::new);
            Jar.Ran ran = Jar.run(all);
            assertThat(ran.exit()).as(String.join(" ", args) + ": " + ran.err()).isEqualTo(2);
            assertThat(ran.err().strip().lines()).as(ran.err()).hasSize(1);
            assertThat(ran.err()).startsWith("workbench: error: ");
        }
    }
}
