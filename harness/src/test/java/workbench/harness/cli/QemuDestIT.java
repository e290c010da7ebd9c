package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbench.harness.qemu.QemuProcess;

/**
 * {@code run --dest qemu}: a real QEMU 7.2 receives every trial live on loopback and over a Unix socket (our
 * multifd stream with QEMU's multifd capability on), each verified by its RAM file's digest.
 */
class QemuDestIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;

    private static void requireQemu() {
        String why = QemuProcess.BINARY + " is missing (apt-get install qemu-system-x86)";
        if ("true".equals(System.getenv("CI"))) {
            assertThat(QemuProcess.installed()).as(why).isTrue();
        }
        Assumptions.assumeTrue(QemuProcess.installed(), why);
    }

    @Test
    void everyTrialIntoQemuIsVerifiedAndNothingOfOursIsLeft() throws Exception {
        requireQemu();
        List<String> shmBefore = shm();
        List<Long> qemusBefore = ourQemus();
        Jar.Ran ran = Jar.run("run", "--dest", "qemu", "--ram", "16M", "--trials", "1", "--warmup", "0", "--net", "loopback,unix",
                "--strategies", "vectored,multifd", "--channels", "2", "--baselines", "none", "--out", tmp.toString(), "--quiet");
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("vectored").contains("multifd").contains("unix");
        Path runJson;
        try (Stream<Path> runs = Files.list(tmp)) {
            runJson = runs.filter(Files::isDirectory).findFirst().orElseThrow().resolve("run.json");
        }
        JsonNode run = JSON.readTree(runJson.toFile());
        assertThat(run.get("trials")).hasSize(4).allSatisfy(t -> assertThat(t.get("status").asText()).isEqualTo("verified"));
        assertThat(run.get("manifest").get("environment").get("network.loopback.receiver").asText()).startsWith("QEMU 7.2");
        assertThat(run.get("manifest").get("environment").get("network.unix.receiver").asText()).startsWith("QEMU 7.2");
        assertThat(shm()).as("files of ours left in /dev/shm").containsExactlyInAnyOrderElementsOf(shmBefore);
        assertThat(ourQemus()).as("QEMUs of ours still running").containsExactlyInAnyOrderElementsOf(qemusBefore);
    }

    @Test
    void whatQemuCannotTakeIsRefusedInOneLineBeforeAnythingRuns() throws Exception {
        requireQemu();
        String[][] cases = {
                {"--net", "null"},
                {"--blocks", "2"},
                {"--strategies", "sendfile-runs"},
                {"--dirty", "0.5"},
                {"--receive", "scatter"},
        };
        String[] why = {"runs on loopback, unix and emulated links", "exactly one RAM block", "x-workbench-runs", "--dirty below 1", "--receive scatter"};
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new ArrayList<>(List.of("run", "--dest", "qemu", "--ram", "16M", "--trials", "1", "--warmup", "0",
                    "--baselines", "none", "--out", tmp.toString()));
            args.addAll(List.of(cases[i]));
            Jar.Ran ran = Jar.run(args.toArray(String[]::new));
            assertThat(ran.exit()).as(ran.err()).isEqualTo(2);
            assertThat(ran.err().strip()).as(String.join(" ", cases[i])).startsWith("workbench: error:").contains(why[i])
                    .doesNotContain("\n");
        }
        Jar.Ran unknown = Jar.run("run", "--dest", "kvm", "--out", tmp.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("--dest: unknown destination 'kvm'");
        try (Stream<Path> runs = Files.list(tmp)) {
            assertThat(runs.toList()).as("no run folder for a refused run").isEmpty();
        }
    }

    /** QEMUs with RAM of a workbench's in /dev/shm (other runs may have theirs: compared before and after) */
    private static List<Long> ourQemus() {
        return ProcessHandle.allProcesses().filter(p -> p.isAlive() && p.info().commandLine().orElse("").contains("/dev/shm/workbench-qemu-"))
                .map(ProcessHandle::pid).toList();
    }

    private static List<String> shm() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("/dev/shm"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("workbench-qemu-")).toList();
        }
    }
}
