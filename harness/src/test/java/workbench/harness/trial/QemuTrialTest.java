package workbench.harness.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import workbench.harness.io.SinkOptions;
import workbench.harness.metrics.Clock;
import workbench.harness.net.Network;
import workbench.harness.peer.CorruptingPeer;
import workbench.harness.peer.Peer;
import workbench.harness.peer.QemuPeer;
import workbench.harness.qemu.QemuProcess;
import workbench.harness.strategy.Strategies;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.RamBacking;
import workbench.workloads.ram.RamSpec;

/** Real trials into a real QEMU 7.2 destination: verified by its RAM file's digest, or failed, never a number. */
class QemuTrialTest {
    private static void requireQemu() {
        String why = QemuProcess.BINARY + " is missing (apt-get install qemu-system-x86)";
        if ("true".equals(System.getenv("CI"))) {
            assertThat(QemuProcess.installed()).as(why).isTrue();
        }
        Assumptions.assumeTrue(QemuProcess.installed(), why);
    }

    private static Variant variant(double dup, double uniform) {
        RamSpec spec = new RamSpec(RamSpec.evenBlocks(8 << 20, 1, 4096), 4096, dup, uniform, 1, Layout.RUNS, Content.RANDOM, 5);
        return new Variant(spec, SinkOptions.of(32 << 10, 128), 32 << 10, SocketOptions.KERNEL, Map.of());
    }

    private static List<TrialResult> trials(Variant v, DupPolicy policy, Peer peer, String... strategies) throws Exception {
        try (SenderRams rams = new SenderRams(List.of(v.ram()), policy, RamBacking.DIRECT); Peer p = peer) {
            TrialRunner runner = new TrialRunner(rams, policy, Clock.SYSTEM);
            List<TrialResult> out = new ArrayList<>();
            for (String s : strategies) {
                out.add(runner.run(new Slot(out.size(), 0, false, 0), new StrategySeries(new Network.Loopback(), Strategies.byName(s), 0, v), p));
            }
            return out;
        }
    }

    @Test
    void qemuLoadsEveryStrategysStreamLiveIntoExactlyTheSendersRamAndNothingIsLeft() throws Exception {
        requireQemu();
        List<TrialResult> results = new ArrayList<>(trials(variant(0.3, 0.1), DupPolicy.ZERO, new QemuPeer(List.of()), "vectored", "scalar"));
        results.addAll(trials(variant(0.3, 0.1), DupPolicy.UNIFORM, new QemuPeer(List.of()), "vectored"));
        assertThat(results).allSatisfy(t -> {
            assertThat(t.status()).as(t.failureReason().orElse("")).isEqualTo(TrialStatus.VERIFIED);
            assertThat(t.transferSeconds()).isGreaterThanOrEqualTo(t.sendSeconds()).isPositive();
            assertThat(t.receiverPeakRss()).as("QEMU's own peak RSS").isPresent();
        });
        assertNothingLeft();
    }

    @Test
    void aPageCorruptedOnTheWayIntoQemuFailsTheTrialOnTheDigest() throws Exception {
        requireQemu();
        List<TrialResult> results = trials(variant(0, 0), DupPolicy.ZERO, new CorruptingPeer(new QemuPeer(List.of()), 0.9), "vectored");
        assertThat(results).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo(TrialStatus.FAILED);
            assertThat(t.failureReason()).get().asString().contains("RAM digest mismatch").contains("mem0");
        });
        assertNothingLeft();
    }

    @Test
    void aStreamQemuRefusesFailsTheTrialWithQemusWords() throws Exception {
        requireQemu();
        // the magic's first byte flipped: QEMU stops loading, exits 1, and says why
        List<TrialResult> results = trials(variant(0, 0), DupPolicy.ZERO, new CorruptingPeer(new QemuPeer(List.of()), 0), "scalar");
        assertThat(results).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo(TrialStatus.FAILED);
            assertThat(t.failureReason()).get().asString().contains("QEMU said").containsIgnoringCase("migration");
        });
        assertNothingLeft();
    }

    private static void assertNothingLeft() throws Exception {
        assertThat(ProcessHandle.current().descendants().filter(p -> p.isAlive()
                && p.info().command().orElse("").endsWith(QemuProcess.BINARY)).toList()).as("QEMUs still running").isEmpty();
        try (Stream<Path> shm = Files.list(Path.of("/dev/shm"))) {
            assertThat(shm.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("workbench-qemu-" + ProcessHandle.current().pid() + "-")).toList())
                    .as("our QEMU RAM files in /dev/shm").isEmpty();
        }
    }
}
