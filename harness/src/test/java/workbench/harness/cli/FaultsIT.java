package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * issue 10, faults mid-trial, with real processes: a run's receiver child or a link's sender agent
 * killed with SIGKILL, a link's namespace deleted under it. The trial it was in is failed with its
 * cause and never averaged; the run goes on (restarting what broke) or stops as --on-failure says;
 * afterwards no child process, namespace, Unix socket folder or /dev/shm file of the run is left.
 */
class FaultsIT {
    @TempDir
    Path tmp;

    @Test
    void aKilledReceiverFailsItsTrialAndTheRunGoesOnWithAFreshOne() throws Exception {
        Running run = Running.start(tmp, "--net", "unix", "--ram", "256M", "--trials", "8", "--backing", "shm");
        run.kill("serve", 2);
        JsonNode json = run.finish(1);
        assertThat(json.get("complete").asBoolean()).isTrue();
        List<JsonNode> trials = list(json.get("trials"));
        assertThat(trials).hasSize(16);
        List<JsonNode> failed = trials.stream().filter(t -> t.get("status").asText().equals("failed")).toList();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("failure").asText()).startsWith("the trial broke off: ");
        int at = failed.get(0).get("index").asInt();
        assertThat(trials.subList(at + 1, trials.size())).as("after a fresh receiver")
                .allSatisfy(t -> assertThat(t.get("status").asText()).isEqualTo("verified"));
        assertThat(list(json.at("/manifest/settings/entries"))).filteredOn(e -> e.get("name").asText().equals("on-failure"))
                .singleElement().satisfies(e -> assertThat(e.get("values").toString()).isEqualTo("[\"continue\"]"));
        run.assertNothingLeft();
    }

    @Test
    void onFailureStopEndsTheRunAtTheTrialAKilledReceiverBroke() throws Exception {
        Running run = Running.start(tmp, "--net", "loopback", "--ram", "256M", "--trials", "20", "--strategies", "vectored",
                "--on-failure", "stop");
        run.kill("serve", 1);
        JsonNode json = run.finish(1);
        assertThat(json.get("complete").asBoolean()).isFalse();
        List<JsonNode> trials = list(json.get("trials"));
        JsonNode last = trials.get(trials.size() - 1);
        assertThat(last.get("status").asText()).isEqualTo("failed");
        assertThat(json.get("error").asText()).isEqualTo("stopped after trial " + last.get("index").asInt()
                + " failed (--on-failure stop): " + last.get("failure").asText());
        assertThat(trials).hasSizeLessThan(20);
        run.assertNothingLeft();
    }

    @Test
    void aKilledSenderAgentOnALinkFailsItsTrialAndTheLinkIsRebuiltAndRemoved() throws Exception {
        assumeTrue(Running.canMakeNamespaces(), "needs root and ip netns");
        // run.json is rewritten about once a second, and the kill follows what it shows: trials must last long enough
        // that it lands before the last (16 MiB guests raced it on a quiet machine) — 64 MiB at 1 Gbit/s is half a second
        Running run = Running.start(tmp, "--net", "link:rate=1gbit,mtu=1500", "--ram", "64M", "--trials", "6",
                "--strategies", "vectored");
        run.kill("agent", 1);
        JsonNode json = run.finish(1);
        assertThat(json.get("complete").asBoolean()).isTrue();
        List<JsonNode> failed = list(json.get("trials")).stream().filter(t -> t.get("status").asText().equals("failed")).toList();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("failure").asText()).startsWith("the trial broke off: ");
        run.assertNothingLeft();
    }

    @Test
    void aLinkNamespaceDeletedUnderARunningTrialLeavesNothingBehind() throws Exception {
        assumeTrue(Running.canMakeNamespaces(), "needs root and ip netns");
        // 64 MiB at 1 Gbit/s is half a second a trial: the run is still in its trials when the namespace goes
        // (8 MiB trials finished the run, and removed the namespace, between run.json showing 2 and the delete)
        Running run = Running.start(tmp, "--net", "link:rate=1gbit,mtu=1500", "--ram", "64M", "--trials", "6",
                "--strategies", "vectored");
        run.awaitTrials(2);
        String rx = "wb" + run.process.pid() + "rx";
        assertThat(Running.namespaces()).contains(rx);
        assertThat(new ProcessBuilder("ip", "netns", "delete", rx).inheritIO().start().waitFor()).as("deleting %s", rx).isZero();
        assertThat(run.process.isAlive()).as("the run is still in its trials").isTrue();
        run.collect();
        // a namespace lives while a process is in it: the receiver child keeps it, so the trials go on,
        // and the run's own removal of a namespace already gone is no error
        JsonNode json = run.finish(0);
        assertThat(json.get("complete").asBoolean()).isTrue();
        assertThat(list(json.get("trials"))).hasSize(6).allSatisfy(t -> assertThat(t.get("status").asText()).isEqualTo("verified"));
        run.assertNothingLeft();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** A run of the packaged jar in its own temp folder, the processes it started tracked as they come. */
    private static final class Running {
        private final Process process;
        private final Path out;
        private final Path temp;
        private final Path err;
        private final Set<ProcessHandle> seen = new HashSet<>();
        private final Set<String> shmBefore;
    
        private Running(Process process, Path out, Path temp, Path err, Set<String> shmBefore) {
            this.process = process;
            this.out = out;
            this.temp = temp;
            this.err = err;
            this.shmBefore = shmBefore;
        }

        static Running start(Path tmp, String... args) throws IOException {
            Path out = tmp.resolve("out");
            Path temp = Files.createDirectories(tmp.resolve("temp"));
            Path err = tmp.resolve("stderr.txt");
            List<String> cmd = new ArrayList<>(List.of("java", "-Djava.io.tmpdir=" + temp, "-jar", Jar.path().toString(), "run",
                    "--warmup", "0", "--baselines", "none", "--out", out.toString()));
            cmd.addAll(List.of(args));
            Set<String> shm = shmFiles();
            return new Running(new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err.toFile()).start(), out, temp, err, shm);
        }

        /** waits until run.json holds {@code n} trials */
        void awaitTrials(int n) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                collect();
                Path json = runJson();
                if (json != null && new ObjectMapper().readTree(json.toFile()).get("trials").size() >= n) {
                    return;
                }
                assertThat(process.isAlive()).as("the run is still going: %s", stderr()).isTrue();
                Thread.sleep(50);
            }
            throw new AssertionError("run.json did not reach " + n + " trials in 90 s: " + stderr());
        }

        /** SIGKILL to the run's descendant whose command line holds {@code word} (serve, agent), after {@code n} trials */
        void kill(String word, int n) throws Exception {
            awaitTrials(n);
            ProcessHandle victim = process.descendants()
                    .filter(h -> h.info().commandLine().orElse("").contains("workbench.harness.cli.Main " + word))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + word + " among the run's processes"));
            victim.destroyForcibly();
            victim.onExit().get(10, TimeUnit.SECONDS);
            Thread.sleep(1500); // the replacement, if the run makes one
            collect();
        }

        void collect() {
            process.descendants().forEach(seen::add);
        }

        /** waits for the run's end, checks its exit code, and reads its run.json */
        JsonNode finish(int expected) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (process.isAlive() && System.nanoTime() < deadline) {
                collect();
                Thread.sleep(100);
            }
            assertThat(process.waitFor(1, TimeUnit.SECONDS)).as("the run ends: %s", stderr()).isTrue();
            JsonNode json = new ObjectMapper().readTree(runJson().toFile());
            List<String> failures = list(json.get("trials")).stream().filter(t -> t.has("failure"))
                    .map(t -> "trial " + t.get("index").asInt() + ": " + t.get("failure").asText()).toList();
            assertThat(process.exitValue()).as("stderr: %s; run.json error: %s; failed trials: %s", stderr(), json.path("error").asText(),
                    failures).isEqualTo(expected);
            return json;
        }

        void assertNothingLeft() throws Exception {
            for (ProcessHandle h : seen) {
                assertThat(h.onExit().get(15, TimeUnit.SECONDS).isAlive()).as("process %d", h.pid()).isFalse();
            }
            assertThat(seen).as("the run started children").isNotEmpty();
            try (Stream<Path> left = Files.list(temp)) {
                assertThat(left.map(f -> f.getFileName().toString())).as("socket folders, temp files")
                        .noneMatch(n -> n.startsWith("workbench-") || n.endsWith(".tmp"));
            }
            assertThat(shmFiles()).as("/dev/shm files").isSubsetOf(shmBefore);
            String prefix = "wb" + process.pid();
            assertThat(namespaces()).as("namespaces").noneMatch(n -> n.startsWith(prefix));
        }

        private Path runJson() throws IOException {
            if (!Files.isDirectory(out)) {
                return null;
            }
            try (Stream<Path> dirs = Files.list(out)) {
                return dirs.map(d -> d.resolve("run.json")).filter(Files::isRegularFile).findFirst().orElse(null);
            }
        }

        private String stderr() {
            try {
                return Files.readString(err, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(no stderr)";
            }
        }

        static Set<String> shmFiles() throws IOException {
            try (Stream<Path> shm = Files.list(Path.of("/dev/shm"))) {
                return new HashSet<>(shm.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("workbench-")).toList());
            }
        }

        static List<String> namespaces() throws IOException, InterruptedException {
            Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return text.lines().map(l -> l.split(" ")[0]).toList();
        }

        static boolean canMakeNamespaces() {
            try {
                String name = "wbprobe" + ProcessHandle.current().pid();
                boolean made = new ProcessBuilder("ip", "netns", "add", name).start().waitFor() == 0;
                if (made) {
                    new ProcessBuilder("ip", "netns", "delete", name).start().waitFor();
                }
                return made;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }
    }
}
