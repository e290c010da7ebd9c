package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The A/A check end to end on loopback: one strategy listed twice is measured as two series,
 * "vectored" and "vectored#2", and reported as a pair like any other; --order random and
 * --min-effect are recorded, and --like repeats the same round order.
 */
class AaRunIT {
    @TempDir
    Path tmp;

    @Test
    void vectoredAgainstItselfIsReportedAsAPairAndItsOrderIsRecorded() throws Exception {
        Path first = tmp.resolve("first");
        Jar.Ran ran = Jar.run("run", "--strategies", "vectored,vectored", "--ram", "8M", "--trials", "6", "--warmup", "0",
                "--order", "random", "--order-seed", "7", "--min-effect", "3%", "--baselines", "none", "--out", first.toString(),
                "--quiet");
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).containsPattern("loopback: (vectored#2 (saves|costs)|vectored#2 vs vectored: )")
                .contains("loopback: vectored#2 vs vectored", "median of 6 per-round ratios", "sender thread CPU per GiB");
        Path dir = onlyRun(first);
        JsonNode run = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        assertThat(run.get("trials")).hasSize(12);
        List<String> order = new ArrayList<>();
        run.get("trials").forEach(t -> order.add(t.get("series").get("strategy").asText()));
        assertThat(order).containsOnly("vectored", "vectored#2");
        assertThat(order.stream().filter("vectored#2"::equals)).hasSize(6);
        JsonNode settings = run.get("manifest").get("settings");
        assertThat(settings.get("strategies").toString()).isEqualTo("[\"vectored\",\"vectored\"]");
        assertThat(entry(settings, "min-effect")).isEqualTo("0.03");
        assertThat(entry(settings, "order")).isEqualTo("random");
        assertThat(entry(settings, "order-seed")).isEqualTo("7");
        assertThat(Files.readString(dir.resolve("summary.md"), StandardCharsets.UTF_8))
                .contains("loopback: vectored#2", "±3% margin");
        assertThat(Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8)).contains("vectored#2 vs vectored");

        Path again = tmp.resolve("again");
        Jar.Ran like = Jar.run("run", "--like", dir.resolve("run.json").toString(), "--out", again.toString(), "--quiet");
        assertThat(like.exit()).as(like.err()).isZero();
        JsonNode repeated = new ObjectMapper().readTree(onlyRun(again).resolve("run.json").toFile());
        List<String> repeatedOrder = new ArrayList<>();
        repeated.get("trials").forEach(t -> repeatedOrder.add(t.get("series").get("strategy").asText()));
        assertThat(repeatedOrder).isEqualTo(order);
    }

    private static String entry(JsonNode settings, String name) {
        for (JsonNode e : settings.get("entries")) {
            if (e.get("name").asText().equals(name)) {
                return e.get("values").get(0).asText();
            }
        }
        throw new AssertionError("no settings entry " + name + " in " + settings);
    }

    private static Path onlyRun(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            List<Path> runs = s.filter(Files::isDirectory).toList();
            assertThat(runs).hasSize(1);
            return runs.get(0);
        }
    }
}
