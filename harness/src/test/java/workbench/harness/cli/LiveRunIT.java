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
        Path preDir;
        try (Stream<Path> s = Files.list(pre)) {
            preDir = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertThat(Files.readString(preDir.resolve("summary.md"))).contains("## Pre-copy");
        List<String> csv = Files.readAllLines(preDir.resolve("trials.csv"));
        List<String> header = List.of(csv.get(0).split(",", -1));
        for (String row : csv.subList(1, csv.size())) {
            String[] cells = row.split(",", -1);
            assertThat(cells[header.indexOf("workload")]).isEqualTo("precopy");
            assertThat(cells[header.indexOf("precopyConverged")]).isIn("true", "false");
            assertThat(cells[header.indexOf("precopyPassBytes")]).matches("\\d+(;\\d+)+");
            assertThat(cells[header.indexOf("checkpoints")]).isEmpty();
        }
        JsonNode preSummary = new ObjectMapper().readTree(preDir.resolve("summary.json").toFile());
        for (JsonNode series : preSummary.get("series")) {
            assertThat(series.get("live").get("precopy").get("trials").asInt()).isEqualTo(1);
            assertThat(series.get("live").get("metrics").get("precopyDowntimeSeconds").get("n").asInt()).isEqualTo(1);
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

        // the live figures in trials.csv and summary.json, the latency headline (one trial a strategy: unpaired)
        assertThat(ran.out()).contains("pause-to-ack latency p50", "pause-to-ack latency p99", "unpaired: 1 paired round")
                .contains("a 95% CI of a p99 needs at least 299 checkpoints a side");
        csv = Files.readAllLines(dir.resolve("trials.csv"));
        header = List.of(csv.get(0).split(",", -1));
        for (String row : csv.subList(1, csv.size())) {
            String[] cells = row.split(",", -1);
            assertThat(cells[header.indexOf("workload")]).isEqualTo("checkpoint");
            assertThat(cells[header.indexOf("checkpoints")]).isEqualTo("40");
            assertThat(Double.parseDouble(cells[header.indexOf("checkpointLatencyP99Seconds")]))
                    .isGreaterThanOrEqualTo(Double.parseDouble(cells[header.indexOf("checkpointLatencyP50Seconds")]));
        }
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        for (JsonNode series : summary.get("series")) {
            assertThat(series.get("live").get("checkpoints").get("checkpoints").asInt()).isEqualTo(40);
        }
        JsonNode latency = summary.get("pairs").get(0).get("latency");
        assertThat(latency).hasSize(2);
        assertThat(latency.get(0).get("method").asText()).isEqualTo("unpaired");
        assertThat(latency.get(1).get("outcome").asText()).isEqualTo("too-few-rounds"); // 40 checkpoints bound no p99
        assertThat(ran.out()).contains(latency.get(0).get("sentence").asText());

        // compare: two checkpoint runs side by side; a checkpoint run beside a pre-copy run refused in one line
        ran = Jar.run("compare", dir.toString(), dir.toString(), "--out", tmp.resolve("cmp").toString());
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("checkpoints:", "p99 ms", "pause-to-ack latency p50");
        ran = Jar.run("compare", dir.toString(), preDir.toString(), "--out", tmp.resolve("cmp2").toString());
        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err().strip().lines()).as(ran.err()).hasSize(1);
        assertThat(ran.err()).contains("the runs' workloads differ (checkpoint vs precopy)");
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
