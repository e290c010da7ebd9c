package workbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.WriteStrategy;
import workbench.harness.net.Network;
import workbench.harness.net.control.LocalServe;
import workbench.harness.net.control.RemoteReceiver;
import workbench.harness.net.control.ServeOptions;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.RamSpec;

/** Real sockets on 127.0.0.1 and Unix-domain sockets, a real receiver (in this JVM), real trials. */
class TrialRunnerTest {
    private static RunPlan plan(double dirty, List<Network> networks) {
        RamSpec spec = new RamSpec(RamSpec.evenBlocks(8 << 20, 2, 4096), 4096, 0.1, 0.05, dirty, Layout.RUNS,
                Content.RANDOM, 99);
        Variant v = new Variant(spec, SinkOptions.of(32 << 10, 128), 32 << 10, SocketOptions.KERNEL, java.util.Map.of());
        return new RunPlan(List.of(v), DupPolicy.ZERO, List.of(WriteStrategy.SCALAR, WriteStrategy.VECTORED), networks,
                Optional.empty(), Optional.empty(), 1, 0, Path.of("unused"), Optional.empty(), "test", java.util.Map.of(),
                java.util.OptionalDouble.empty(), 1);
    }

    private static List<TrialResult> trials(RunPlan plan, int dropPage) throws Exception {
        ServeOptions options = new ServeOptions(ServeOptions.local("test", 1L << 30).control(), Optional.empty(),
                1L << 30, "test", dropPage);
        try (LocalServe serve = new LocalServe(options)) {
            List<TrialResult> out = new ArrayList<>();
            try (RemoteReceiver receiver = RemoteReceiver.connect(serve.control(), "test")) {
                TrialRunner runner = new TrialRunner(new SenderRams(plan.rams(), plan.dupPolicy()), plan.dupPolicy(), Optional.empty());
                List<SeriesPlan> series = plan.series();
                for (Schedule.Slot s : Schedule.of(series.size(), 0, 2)) {
                    SeriesPlan p = series.get(s.series());
                    out.add(runner.run(s, p, p.network().verified() ? Optional.of(receiver) : Optional.empty()));
                }
            }
            return out;
        }
    }

    @Test
    void everyStrategyDeliversVerifiedRamOverTcpAndUnixSockets() throws Exception {
        List<TrialResult> results = trials(plan(1.0, List.of(new Network.Loopback(), new Network.Unix())), -1);
        assertThat(results).hasSize(8).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TrialStatus.VERIFIED);
            assertThat(t.sendSeconds()).isPositive();
            assertThat(t.transferSeconds()).isGreaterThanOrEqualTo(t.sendSeconds());
            assertThat(t.counts().dupPages() + t.counts().nodupPages()).isEqualTo(2048);
        });
        assertThat(results.stream().map(t -> t.series().network())).contains("loopback", "unix");
        assertThat(results.stream().map(t -> t.counts().streamBytes()).distinct()).hasSize(1);
    }

    @Test
    void theNullNetworkMeasuresTheSenderAloneAndSaysItIsUnverified() throws Exception {
        List<TrialResult> results = trials(plan(1.0, List.of(new Network.Null())), -1);
        assertThat(results).hasSize(4).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TrialStatus.UNVERIFIED);
            assertThat(t.counts().streamBytes()).isGreaterThan(7 << 20);
        });
    }

    @Test
    void partialTransferOfDirtyPagesIsVerifiedAgainstTheBaseImage() throws Exception {
        List<TrialResult> results = trials(plan(0.3, List.of(new Network.Loopback())), -1);
        assertThat(results).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TrialStatus.VERIFIED);
            assertThat(t.counts().dupPages() + t.counts().nodupPages()).isEqualTo(Math.round(0.3 * 2048));
        });
    }

    @Test
    void aPageTheReceiverDropsFailsTheTrialOnTheDigest() throws Exception {
        List<TrialResult> results = trials(plan(1.0, List.of(new Network.Loopback())), 1500);
        assertThat(results).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TrialStatus.FAILED);
            assertThat(t.failureReason()).get().asString().contains("RAM digest mismatch").contains("mem1");
        });
    }
}
