package workbench.harness.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import workbench.harness.io.ReceiveMode;
import workbench.harness.qemu.QemuProcess;
import workbench.harness.qemu.SourceImages;
import workbench.reports.model.QemuFigures;
import workbench.workloads.page.Content;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBacking;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamImage;
import workbench.workloads.ram.RamSpec;

/** QEMU 7.2 migrating our guest to QEMU 7.2, live: verified by the destination's RAM, or failed in QEMU's words. */
class QemuToQemuTest {
    private static final String OURS = "/dev/shm/workbench-qemu-" + ProcessHandle.current().pid() + "-";

    private static void requireQemu() {
        String why = QemuProcess.BINARY + " is missing (apt-get install qemu-system-x86)";
        if ("true".equals(System.getenv("CI"))) {
            assertThat(QemuProcess.installed()).as(why).isTrue();
        }
        Assumptions.assumeTrue(QemuProcess.installed(), why);
    }

    private static GuestRam guest(int mib, RamSpec[] spec) {
        spec[0] = new RamSpec(RamSpec.evenBlocks((long) mib << 20, 1, 4096), 4096, 0.3, 0.05, 1, Layout.SCATTERED, Content.RANDOM, 7);
        return RamImage.create(spec[0], RamImage.dirtyLog(spec[0]), RamBacking.DIRECT);
    }

    private static Reference reference(RamSpec spec, GuestRam ram, int channels) {
        return new Reference(0, spec, ram, 0, channels, Duration.ofSeconds(60), 32 << 10, 0, ReceiveMode.BUFFERED);
    }

    @Test
    void qemuAndQemuMultifdLoadExactlyOurGuestAndSayWhatTheyMoved() throws Exception {
        requireQemu();
        RamSpec[] spec = new RamSpec[1];
        try (GuestRam ram = guest(16, spec); SourceImages images = new SourceImages()) {
            for (boolean multifd : new boolean[] {false, true}) {
                Measured m = new QemuToQemu(List.of(), List.of(), "127.0.0.1", multifd, images).measure(reference(spec[0], ram, 2));
                assertThat(m.failure()).as("multifd " + multifd).isEmpty();
                assertThat(m.digest()).isEqualTo(RamDigest.of(ram).blocks());
                assertThat(m.sendSeconds()).isPositive(); // the source's completed event may come after the destination's
                assertThat(m.receiveSeconds()).isPositive();
                QemuFigures f = m.qemu().orElseThrow();
                assertThat(f.normalPages() + f.duplicatePages()).isEqualTo(ram.pages());
                assertThat(f.duplicatePages()).as("QEMU sends only zero pages as fill records").isEqualTo(m.dupPages()).isPositive();
                assertThat(f.multifdBytes() > 0).as("pages on multifd channels").isEqualTo(multifd);
                assertThat(f.totalTimeMs()).as("total-time once the source settled it").isPositive();
                assertThat(m.senderPeakRss()).isPresent();
            }
        }
        assertNothingLeft();
    }

    @Test
    void aQemuKilledMidLoadFailsTheTransferWithTheOtherQemusWordsAndLeavesNothing() throws Exception {
        requireQemu();
        RamSpec[] spec = new RamSpec[1];
        Measured m;
        try (GuestRam ram = guest(64, spec); SourceImages images = new SourceImages()) {
            // 16 MiB/s: four seconds of loading, so the kill lands mid-load
            QemuToQemu slow = new QemuToQemu(List.of(), List.of(), "127.0.0.1", false, images, 16 << 20);
            Thread killer = new Thread(() -> killSourceOnceMigrating(Duration.ofMillis(1500)));
            killer.start();
            m = slow.measure(reference(spec[0], ram, 2));
            killer.join();
        }
        assertThat(m.failure()).as("a failed transfer is never a number").isPresent();
        assertThat(m.failure().get()).contains("QEMU destination said").contains("load of migration failed");
        assertThat(m.digest()).isEmpty();
        assertNothingLeft();
    }

    /** the source QEMU of this JVM, killed outright some time after it started */
    private static void killSourceOnceMigrating(Duration after) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> src = ourQemus().filter(p -> p.info().commandLine().orElse("").contains(OURS)
                    && p.info().commandLine().orElse("").contains("-src-")).findFirst();
            if (src.isPresent()) {
                sleep(after.toMillis());
                src.get().destroyForcibly();
                return;
            }
            sleep(10);
        }
    }

    private static Stream<ProcessHandle> ourQemus() {
        return ProcessHandle.allProcesses().filter(p -> p.isAlive() && p.info().commandLine().orElse("").contains(OURS));
    }

    static void assertNothingLeft() throws Exception {
        assertThat(ourQemus().map(ProcessHandle::pid).toList()).as("QEMUs of this JVM still running").isEmpty();
        try (Stream<Path> s = Files.list(Path.of("/dev/shm"))) {
            assertThat(s.map(Path::toString).filter(n -> n.startsWith(OURS)).toList()).as("our files in /dev/shm").isEmpty();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
