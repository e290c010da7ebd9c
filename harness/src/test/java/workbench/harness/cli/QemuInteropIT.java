package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbench.harness.qemu.MemoryBackend;
import workbench.harness.qemu.QemuProcess;
import workbench.harness.qemu.Qmp;

/**
 * Wire compatibility with the real thing: a stream our sender wrote is loaded by QEMU 7.2
 * (-M none, RAM in a file on /dev/shm prefilled with 0xEE) and QEMU's RAM must equal ours.
 */
class QemuInteropIT {
    private static final String QEMU = "qemu-system-x86_64";
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;

    private static void requireQemu() throws Exception {
        boolean present = new ProcessBuilder("which", QEMU).start().waitFor() == 0;
        String why = QEMU + " is missing (apt-get install qemu-system-x86)";
        if ("true".equals(System.getenv("CI"))) {
            assertThat(present).as(why).isTrue();
        }
        Assumptions.assumeTrue(present, why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zero", "uniform"})
    void qemuLoadsOurStreamIntoExactlyOurRam(String policy) throws Exception {
        requireQemu();
        Path stream = tmp.resolve("stream.bin");
        Jar.Ran ran = Jar.run("run", "--baselines", "none", "--ram", "16M", "--dup", "40%", "--uniform", "10%", "--dup-policy", policy,
                "--trials", "1", "--warmup", "0", "--save-stream", stream.toString(), "--out", tmp.resolve("out").toString(),
                "--quiet");
        assertThat(ran.exit()).as(ran.err()).isZero();
        Jar.Ran decoded = Jar.run("decode", stream.toString(), "--json");
        assertThat(decoded.exit()).as(decoded.err()).isZero();
        JsonNode facts = JSON.readTree(decoded.out());
        String ours = facts.get("ramBlocks").get(0).get("sha256").asText();
        if (policy.equals("uniform")) {
            assertThat(facts.get("records").get("zeroNonzeroFill").asLong()).as("2010-style fills in the stream").isPositive();
        }

        Path ram = Path.of("/dev/shm", "wb-qemu-" + ProcessHandle.current().pid() + "-" + policy + ".img");
        byte[] poison = new byte[16 << 20];
        Arrays.fill(poison, (byte) 0xEE);
        Files.write(ram, poison);
        Path qmp = tmp.resolve("qmp.sock");
        try (QemuProcess qemu = QemuProcess.start(QemuProcess.command(List.of(), List.of(new MemoryBackend("mem0", 16 << 20, ram)), qmp,
                List.of("-incoming", "exec:cat " + stream)), qmp)) {
            String status = migrationStatus(qemu.qmp());
            assertThat(status).as(qemu.output()).isEqualTo("completed");
            assertThat(sha256(ram)).as("QEMU's RAM after loading our stream").isEqualTo(ours);
        } finally {
            Files.deleteIfExists(ram);
        }
    }

    /** sendfile-runs' stream is our extension: QEMU 7.2 must refuse it at once, naming the capability, not load it wrongly. */
    @Test
    void qemuRefusesTheRunExtensionAtItsStart() throws Exception {
        requireQemu();
        Path stream = tmp.resolve("runs.bin");
        Jar.Ran ran = Jar.run("run", "--baselines", "none", "--strategies", "sendfile-runs", "--ram", "16M", "--trials", "1",
                "--warmup", "0", "--save-stream", stream.toString(), "--out", tmp.resolve("out").toString(), "--quiet");
        assertThat(ran.exit()).as(ran.err()).isZero();
        Path ram = Path.of("/dev/shm", "wb-qemu-" + ProcessHandle.current().pid() + "-runs.img");
        Files.write(ram, new byte[16 << 20]);
        Path log = tmp.resolve("qemu-runs.log");
        Process qemu = new ProcessBuilder(QEMU, "-M", "none,memory-backend=mem0", "-nodefaults", "-nographic", "-S",
                "-m", "16M", "-object", "memory-backend-file,id=mem0,size=16M,mem-path=" + ram + ",share=on",
                "-display", "none", "-serial", "none", "-monitor", "none", "-incoming", "exec:cat " + stream)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(qemu.waitFor(60, TimeUnit.SECONDS)).as("a failed incoming migration ends QEMU").isTrue();
            assertThat(qemu.exitValue()).isEqualTo(1);
            assertThat(Files.readString(log)).contains("Received unknown capability x-workbench-runs");
        } finally {
            qemu.destroyForcibly();
            Files.deleteIfExists(ram);
        }
    }

    /** query-migrate until the incoming migration ends (exec: starts it at once, before the events capability could be set) */
    private static String migrationStatus(Qmp qmp) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String status = "none";
        while (System.nanoTime() < deadline) {
            status = qmp.execute("query-migrate").path("status").asText("none");
            if (status.equals("completed") || status.equals("failed")) {
                break;
            }
            Thread.sleep(50);
        }
        return status;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
    }
}
