package workbench.harness.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What a killed run leaves of its QEMUs — a RAM file in /dev/shm, a QEMU still mapping it — is swept by the next. */
class QemuFilesTest {
    /** a PID no process has (above the kernel's pid_max of 2^22) */
    private static final long GONE = 9_999_999;

    @Test
    void aDeadRunsQemuAndItsRamFileAreSweptAndALiveRunsAreNot() throws Exception {
        Assumptions.assumeTrue(QemuProcess.installed(), QemuProcess.BINARY + " is missing (apt-get install qemu-system-x86)");
        Path dead = QemuFiles.SHM.resolve(QemuFiles.PREFIX + GONE + "-dst-test-mem0.img");
        Path ours = QemuFiles.create("dst", "mem0");
        Process orphan = null;
        try {
            Files.write(dead, new byte[1 << 20]);
            Files.write(ours, new byte[1 << 20]);
            orphan = new ProcessBuilder(QemuProcess.command(List.of(), List.of(new MemoryBackend("mem0", 1 << 20, dead)),
                    Files.createTempDirectory("qemu-files-test").resolve("qmp.sock"), List.of("-incoming", "defer")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(300); // let it map the file
            assertThat(orphan.isAlive()).as("a QEMU over the dead run's file").isTrue();
            assertThat(QemuFiles.owner(orphan.info().commandLine().orElse(""))).hasValue(GONE);

            // sweep() takes every owner that is gone; this test ends only what it started
            List<Long> ended = QemuFiles.sweep(pid -> pid == GONE);

            assertThat(ended).contains(orphan.pid());
            assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).as("the dead run's QEMU is ended").isTrue();
            assertThat(dead).as("the dead run's RAM file").doesNotExist();
            assertThat(ours).as("a live run's RAM file stays").exists();
            assertThat(QemuFiles.gone(GONE)).isTrue();
            assertThat(QemuFiles.gone(ProcessHandle.current().pid())).as("a live run is not swept").isFalse();
        } finally {
            if (orphan != null) {
                orphan.destroyForcibly();
            }
            Files.deleteIfExists(dead);
            QemuFiles.delete(ours);
        }
    }
}
