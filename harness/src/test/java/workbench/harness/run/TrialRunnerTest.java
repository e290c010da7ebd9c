package workbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.WriteStrategy;
import workbench.harness.net.control.RemoteReceiver;
import workbench.harness.net.control.ServeServer;
import workbench.harness.stream.StreamEncoder;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;
import workbench.workloads.dirty.DirtySet;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamImage;
import workbench.workloads.ram.RamSpec;

/** Real sockets on 127.0.0.1, a real receiver (in this JVM), real trials. */
class TrialRunnerTest {
    private static RunPlan plan(double dirty) {
        RamSpec spec = new RamSpec(RamSpec.evenBlocks(8 << 20, 2, 4096), 4096, 0.1, 0.05, dirty, Layout.RUNS,
                Content.RANDOM, 99);
        return new RunPlan(spec, DupPolicy.ZERO, List.of(WriteStrategy.SCALAR, WriteStrategy.VECTORED),
                SinkOptions.of(32 << 10, 128), "loopback", 1, 0, 32 << 10, Path.of("unused"), Optional.empty(), "test");
    }

    private static List<TrialResult> trials(RunPlan plan, int dropPage, ByteArrayOutputStream log) throws Exception {
        try (ServeServer server = new ServeServer(new InetSocketAddress("127.0.0.1", 0),
                new PrintStream(log, true, StandardCharsets.UTF_8), "test", dropPage)) {
            Thread serving = new Thread(() -> {
                try {
                    server.serve(true);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            serving.start();
            DirtySet dirty = RamImage.dirtySet(plan.ram());
            GuestRam ram = RamImage.create(plan.ram(), dirty);
            StreamEncoder encoder = new StreamEncoder(ram, dirty, plan.dupPolicy());
            List<TrialResult> out = new java.util.ArrayList<>();
            try (RemoteReceiver receiver = RemoteReceiver.connect(server.controlAddress(), "test")) {
                TrialRunner runner = new TrialRunner(plan, encoder, RamDigest.of(ram), receiver);
                for (Schedule.Slot s : Schedule.of(2, 0, 2)) {
                    out.add(runner.run(s, plan.strategies().get(s.series())));
                }
            }
            serving.join(10_000);
            assertThat(serving.isAlive()).as("serve --once returns after the session's bye").isFalse();
            return out;
        }
    }

    @Test
    void everyStrategyDeliversVerifiedRam() throws Exception {
        List<TrialResult> results = trials(plan(1.0), -1, new ByteArrayOutputStream());
        assertThat(results).hasSize(4).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TrialStatus.VERIFIED);
            assertThat(t.sendSeconds()).isPositive();
            assertThat(t.transferSeconds()).isGreaterThanOrEqualTo(t.sendSeconds());
            assertThat(t.counts().dupPages() + t.counts().nodupPages()).isEqualTo(2048);
        });
        assertThat(results.get(0).counts().streamBytes()).isEqualTo(results.get(1).counts().streamBytes());
    }

    @Test
    void partialTransferOfDirtyPagesIsVerifiedAgainstTheBaseImage() throws Exception {
        List<TrialResult> results = trials(plan(0.3), -1, new ByteArrayOutputStream());
        assertThat(results).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TrialStatus.VERIFIED);
            assertThat(t.counts().dupPages() + t.counts().nodupPages()).isEqualTo(Math.round(0.3 * 2048));
        });
    }

    @Test
    void aPageTheReceiverDropsFailsTheTrialOnTheDigest() throws Exception {
        List<TrialResult> results = trials(plan(1.0), 1500, new ByteArrayOutputStream());
        assertThat(results).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TrialStatus.FAILED);
            assertThat(t.failureReason()).get().asString().contains("RAM digest mismatch").contains("mem1");
        });
    }
}
