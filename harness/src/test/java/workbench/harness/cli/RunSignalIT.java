package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * issue 10, defect 7: SIGTERM to a running {@code run --net unix} closes run.json as interrupted and
 * leaves no temporary file, Unix socket folder or ImageIO cache file behind — in the run folder or
 * in the temp folder the run (and its receiver child, which inherits it) was given.
 */
class RunSignalIT {
    @TempDir
    Path tmp;

    @Test
    void sigtermClosesRunJsonAsInterruptedAndLeavesNothingBehind() throws Exception {
        Path out = tmp.resolve("out");
        Path temp = Files.createDirectory(tmp.resolve("temp"));
        Process p = new ProcessBuilder("java", "-Djava.io.tmpdir=" + temp, "-jar", Jar.path().toString(), "run", "--net", "unix",
                "--ram", "16M", "--trials", "500", "--warmup", "0", "--out", out.toString(), "--quiet")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(tmp.resolve("stderr").toFile()).start();
        Path runJson = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (runJson == null && System.nanoTime() < deadline) {
            Thread.sleep(100);
            try (Stream<Path> dirs = Files.isDirectory(out) ? Files.list(out) : Stream.empty()) {
                Path json = dirs.map(d -> d.resolve("run.json")).filter(Files::isRegularFile).findFirst().orElse(null);
                if (json != null && new ObjectMapper().readTree(json.toFile()).get("trials").size() >= 2) {
                    runJson = json;
                }
            }
        }
        assertThat(runJson).as("run.json with 2 trials within 60 s").isNotNull();
        List<ProcessHandle> children = p.descendants().toList();
        assertThat(children).as("the receiver child").isNotEmpty();
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("run exits on SIGTERM").isTrue();
        for (ProcessHandle child : children) {
            child.onExit().get(15, TimeUnit.SECONDS);
        }
        JsonNode run = new ObjectMapper().readTree(runJson.toFile());
        assertThat(run.get("complete").asBoolean()).isFalse();
        assertThat(run.get("error").asText()).contains("interrupted");
        assertThat(runJson.resolveSibling("report.html")).as("the report of the finished trials").isNotEmptyFile();
        assertThat(runJson.resolveSibling("charts").resolve("trials.png")).isNotEmptyFile();
        assertThat(Files.readString(tmp.resolve("stderr")).lines().filter(l -> l.startsWith("workbench: interrupted: kept ")))
                .singleElement().asString().contains(runJson.getParent().toString(), "java -jar workbench.jar report ");
        try (Stream<Path> left = Files.walk(runJson.getParent())) {
            assertThat(left.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left.map(f -> f.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("workbench-") || n.startsWith("imageio") || n.endsWith(".tmp"));
        }
    }
}
