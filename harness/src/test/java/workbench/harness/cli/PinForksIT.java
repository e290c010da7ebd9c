package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --pin and --forks through the packaged jar, watched from outside as the run goes. */
class PinForksIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void pinnedTheSenderRunsOnOneCpuAndEachForkStartsItsOwnReceiverOnTheOther() throws Exception {
        Path out = tmp.resolve("pin");
        Process run = new ProcessBuilder("java", "-jar", Jar.path().toString(), "run", "--pin", "--forks", "2", "--ram", "32M",
                "--trials", "4", "--warmup", "1", "--baselines", "none", "--out", out.toString(), "--quiet")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile()).start();
        Set<Long> receivers = new HashSet<>();
        Set<String> senderCpus = new HashSet<>();
        Set<String> receiverCpus = new HashSet<>();
        while (!run.waitFor(20, TimeUnit.MILLISECONDS)) {
            for (ProcessHandle child : run.descendants().toList()) {
                Optional<String> cpus = allowed(child.pid());
                // the JVM itself, not taskset before its exec (whose command line names serve too, still unpinned)
                boolean receiverJvm = child.info().command().orElse("").endsWith("java")
                        && child.info().commandLine().orElse("").contains(" serve ");
                if (receiverJvm && cpus.isPresent()) {
                    receivers.add(child.pid());
                    receiverCpus.add(cpus.get());
                }
            }
            if (!receivers.isEmpty()) { // the sender pins itself once its sites open, before the first trial
                allowed(run.pid()).ifPresent(senderCpus::add);
            }
        }
        assertThat(run.exitValue()).as(Files.readString(tmp.resolve("log"))).isZero();
        assertThat(receivers).as("a receiver child per fork").hasSize(2);
        assertThat(receiverCpus).hasSize(1);
        assertThat(senderCpus).hasSize(1).doesNotContainAnyElementsOf(receiverCpus);
        assertThat(senderCpus.iterator().next()).matches("\\d+");

        JsonNode recorded = JSON.readTree(runDir(out).resolve("run.json").toFile());
        assertThat(recorded.at("/manifest/environment/cpu.pinning").asText())
                .isEqualTo("sender on CPU " + senderCpus.iterator().next() + ", receiver on CPU " + receiverCpus.iterator().next()
                        + ", everything else on CPUs " + allowed(ProcessHandle.current().pid()).orElseThrow());
        List<Integer> forks = new java.util.ArrayList<>();
        recorded.get("trials").forEach(t -> forks.add(t.path("fork").asInt()));
        assertThat(forks).containsExactly(0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1); // each fork: 1 warm-up and 2 measured rounds
    }

    @Test
    void moreForksThanRoundsIsRefused() throws Exception {
        Jar.Ran ran = Jar.run("run", "--forks", "3", "--trials", "2", "--out", tmp.toString(), "--quiet");
        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err()).startsWith("workbench: error: --forks must be between 1 and --trials");
    }

    private static Optional<String> allowed(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(l -> l.startsWith("Cpus_allowed_list:")).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return Optional.empty(); // it ended between listing and reading
        }
    }

    private static Path runDir(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }
}
