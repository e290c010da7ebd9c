package workbench.harness.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import workbench.harness.io.PageTable;
import workbench.harness.io.ReceiveMode;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.StreamSink;
import workbench.harness.net.Transport;
import workbench.harness.serve.LocalServe;
import workbench.harness.serve.ServeOptions;
import workbench.harness.strategy.Strategies;
import workbench.harness.stream.StreamEncoder;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamImage;
import workbench.workloads.ram.RamSpec;

/** A scatter receiver over real loopback TCP: its RAM equals the sender's, and mispredictions come back. */
class ScatterReceiveTest {

    @ParameterizedTest
    @CsvSource({"vectored, 0, 1.0, RUNS", "vectored, 0.034, 1.0, SCATTERED", "scalar, 0.3, 1.0, SCATTERED",
            "vectored, 0.1, 0.4, SCATTERED", "scalar, 0, 0.5, RUNS"})
    void scatterTrialIsVerifiedOverLoopback(String strategy, double dup, double dirty, Layout layout) throws Exception {
        RamSpec spec = new RamSpec(RamSpec.evenBlocks(16 << 20, 2, 4096), 4096, dup, 0.01, dirty, layout, Content.RANDOM, 11);
        DirtyLog log = RamImage.dirtyLog(spec);
        GuestRam sender = RamImage.create(spec, log);
        RamDigest digest = RamDigest.of(sender);
        try (LocalServe serve = new LocalServe(ServeOptions.local("test", 1L << 30));
             Peer peer = new ServePeer(RemoteReceiver.connect(serve.control(), "test"), Transport.TCP, Optional.empty(),
                     Optional.empty(), List.of())) {
            for (ReceiveMode mode : ReceiveMode.values()) {
                TrialRequest request = new TrialRequest(mode.ordinal(), spec, DupPolicy.ZERO, 32 << 10, 0, 1, mode);
                try (Reception r = peer.prepare(request)) {
                    StreamSink sink = Strategies.byName(strategy).open(r.connect(SenderSockets.KERNEL), SinkOptions.of(32 << 10, 128));
                    new StreamEncoder(new PageTable(sender), RamImage.dirtyLog(spec), DupPolicy.ZERO).encode(sink);
                    r.endOfStream();
                    assertThat(r.awaitEnd(Duration.ofSeconds(30))).isTrue();
                    Receipt receipt = r.receipt(Duration.ofSeconds(30));
                    assertThat(receipt.mismatch(sink.bytesPut(), digest)).as(mode + " receiver").isEmpty();
                    if (mode == ReceiveMode.BUFFERED) {
                        assertThat(receipt.mispredictions()).isZero();
                    } else if (dup > 0 && layout == Layout.SCATTERED) {
                        assertThat(receipt.mispredictions()).as("zero pages among the pages").isPositive();
                    }
                }
            }
        }
    }
}
