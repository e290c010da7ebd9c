package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes, reproduction and a killed run, through the packaged jar. */
class RunLifecycleIT {
    @TempDir
    Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();

    private List<Path> runDirs(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Test
    void adaptiveTrialsStopAtMaxTrialsAndSayConfidenceWasNotAchieved() throws Exception {
        Path out = tmp.resolve("adaptive");
        Jar.Ran ran = Jar.run("run", "--baselines", "none", "--ram", "8M", "--trials", "2", "--warmup", "0", "--ci-target", "0.01%",
                "--max-trials", "4", "--out", out.toString(), "--quiet");
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("warning: ", "confidence not achieved");
        JsonNode run = JSON.readTree(runDirs(out).get(0).resolve("run.json").toFile());
        assertThat(run.get("trials")).hasSize(8); // 4 rounds of 2 strategies: 2 planned, 2 added
        assertThat(Files.readString(runDirs(out).get(0).resolve("report.html"))).contains("confidence not achieved");
    }

    @Test
    void progressAppearsOnATerminalOnlyAndQuietSilencesIt() throws Exception {
        Assumptions.assumeTrue(new ProcessBuilder("which", "script").start().waitFor() == 0, "script (util-linux) is missing");
        String cmd = "java -jar " + Jar.path().toAbsolutePath() + " run --ram 8M --trials 2 --warmup 0 --out " + tmp.resolve("tty");
        for (boolean quiet : new boolean[] {false, true}) {
            Process p = new ProcessBuilder("script", "-qec", cmd + (quiet ? " --quiet" : ""), "/dev/null")
                    .redirectErrorStream(true).start();
            String screen = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(screen).isZero();
            if (quiet) {
                assertThat(screen).doesNotContain("[trial ");
            } else {
                // rounds numbered from 0 as in warnings, trials.csv and charts; a time left once a whole round has run
                assertThat(screen).contains("generating guest RAM", "[trial 0, round 0 of 0–1]", "[trial 3, round 1 of 0–1]", "left");
            }
        }
        Jar.Ran piped = Jar.run("run", "--ram", "8M", "--trials", "1", "--warmup", "0", "--out", tmp.resolve("piped").toString());
        assertThat(piped.err()).doesNotContain("[trial ");
    }

    @Test
    void aGuestBiggerThanTheMachineIsRefusedBeforeAnythingRuns() throws Exception {
        Jar.Ran ran = Jar.run("run", "--ram", "1T", "--out", tmp.toString(), "--quiet");
        assertThat(ran.exit()).isEqualTo(3);
        assertThat(ran.err()).startsWith("workbench: error: not enough memory");
        // one line: both sides' need, what the machine has, and the fix
        assertThat(ran.err().strip()).doesNotContain("\n").containsPattern(
                "need about \\d+ MiB \\(the sender \\d+ MiB, 1 receiver\\(s\\) \\d+ MiB each.*\\), \\d+ MiB is available; use a smaller --ram");
        assertThat(runDirs(tmp)).isEmpty();
    }

    @Test
    void anUnwritableResultsFolderIsExitThreeBeforeAnythingRuns() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        Jar.Ran ran = Jar.run("run", "--ram", "8M", "--out", file.toString(), "--quiet");
        assertThat(ran.exit()).isEqualTo(3);
        assertThat(ran.err().strip()).isEqualTo("workbench: error: cannot write results to " + file
                + "; choose a writable folder with --out");
    }

    @Test
    void likeRepeatsTheConfigurationAndSeed() throws Exception {
        Path out = tmp.resolve("like");
        Jar.Ran first = Jar.run("run", "--ram", "8M", "--dup", "20%", "--uniform", "5%", "--seed", "4242", "--trials", "1",
                "--warmup", "0", "--dup-policy", "uniform", "--out", out.toString(), "--quiet");
        assertThat(first.exit()).as(first.err()).isZero();
        Path firstJson = runDirs(out).get(0).resolve("run.json");
        Jar.Ran again = Jar.run("run", "--like", firstJson.toString(), "--out", out.toString(), "--trials", "2", "--quiet");
        assertThat(again.exit()).as(again.err()).isZero();
        List<Path> dirs = runDirs(out);
        assertThat(dirs).hasSize(2);
        JsonNode a = JSON.readTree(firstJson.toFile());
        JsonNode b = JSON.readTree(dirs.stream().filter(d -> !firstJson.startsWith(d)).findFirst().orElseThrow()
                .resolve("run.json").toFile());
        JsonNode ca = a.get("manifest").get("settings");
        JsonNode cb = b.get("manifest").get("settings");
        for (String key : List.of("ram", "networks", "strategies", "statistics", "entries")) {
            assertThat(cb.get(key)).as(key).isEqualTo(ca.get(key));
        }
        assertThat(cb.get("ram").get("seed").asLong()).isEqualTo(4242);
        assertThat(cb.get("rounds").get("trials").asInt()).isEqualTo(2);
        assertThat(b.get("trials").get(0).get("counts").get("streamBytes"))
                .isEqualTo(a.get("trials").get(0).get("counts").get("streamBytes"));
        assertThat(b.get("trials").get(0).get("counts").get("dupPages"))
                .isEqualTo(a.get("trials").get(0).get("counts").get("dupPages"));
    }

    @Test
    void aRunKilledMidwayLeavesValidIncompleteResultsAndNoReceiver() throws Exception {
        Path out = tmp.resolve("killed");
        Process p = new ProcessBuilder("java", "-jar", Jar.path().toString(), "run", "--baselines", "none", "--ram", "16M", "--trials", "200",
                "--warmup", "0", "--out", out.toString(), "--quiet")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        JsonNode run = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Thread.sleep(200);
            List<Path> dirs = Files.isDirectory(out) ? runDirs(out) : List.of();
            if (!dirs.isEmpty() && Files.exists(dirs.get(0).resolve("run.json"))) {
                run = JSON.readTree(dirs.get(0).resolve("run.json").toFile());
                if (run.get("trials").size() >= 3) {
                    break;
                }
            }
        }
        assertThat(run).as("run.json with 3 trials within 60 s").isNotNull();
        List<ProcessHandle> children = p.descendants().toList();
        assertThat(children).as("the receiver child").isNotEmpty();
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle child : children) {
            child.onExit().get(15, TimeUnit.SECONDS); // dies with its parent
        }
        JsonNode after = JSON.readTree(runDirs(out).get(0).resolve("run.json").toFile());
        assertThat(after.get("complete").asBoolean()).isFalse();
        assertThat(after.get("trials").size()).isGreaterThanOrEqualTo(3);
        for (JsonNode t : after.get("trials")) {
            assertThat(t.get("status").asText()).isEqualTo("verified");
        }
    }
}
