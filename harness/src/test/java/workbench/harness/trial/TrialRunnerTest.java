package workbench.harness.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import workbench.harness.io.SinkOptions;
import workbench.harness.metrics.Clock;
import workbench.harness.net.Network;
import workbench.harness.net.Transport;
import workbench.harness.peer.CorruptingPeer;
import workbench.harness.peer.NullPeer;
import workbench.harness.peer.Peer;
import workbench.harness.peer.Receipt;
import workbench.harness.peer.Reception;
import workbench.harness.peer.RemoteReceiver;
import workbench.harness.peer.SenderSockets;
import workbench.harness.peer.ServePeer;
import workbench.harness.peer.TrialRequest;
import workbench.harness.serve.LocalServe;
import workbench.harness.serve.ServeOptions;
import workbench.harness.strategy.Strategies;
import workbench.reports.model.SeriesRole;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.RamBacking;
import workbench.workloads.ram.RamSpec;

/** Real sockets on 127.0.0.1 and Unix-domain sockets, a real receiver (in this JVM), real trials. */
class TrialRunnerTest {
    private static Variant variant(double dirty) {
        return variant(dirty, 0.1, 0.05);
    }

    private static Variant variant(double dirty, double dup, double uniform) {
        RamSpec spec = new RamSpec(RamSpec.evenBlocks(8 << 20, 2, 4096), 4096, dup, uniform, dirty, Layout.RUNS,
                Content.RANDOM, 99);
        return new Variant(spec, SinkOptions.of(32 << 10, 128), 32 << 10, SocketOptions.KERNEL, Map.of());
    }

    /** two rounds of scalar and vectored on {@code network}, received by what {@code peer} makes of a serve */
    private static List<TrialResult> trials(Variant v, Network network, PeerMaker peer) throws Exception {
        try (LocalServe serve = new LocalServe(ServeOptions.local("test", 1L << 30));
             SenderRams rams = new SenderRams(List.of(v.ram()), DupPolicy.ZERO, RamBacking.DIRECT);
             Peer p = peer.make(serve)) {
            TrialRunner runner = new TrialRunner(rams, DupPolicy.ZERO, Clock.SYSTEM);
            List<TrialResult> out = new ArrayList<>();
            int index = 0;
            for (int round = 0; round < 2; round++) {
                for (String s : List.of("scalar", "vectored")) {
                    out.add(runner.run(new Slot(index++, round, false, 0), new StrategySeries(network, Strategies.byName(s), 0, v), p));
                }
            }
            return out;
        }
    }

    private interface PeerMaker {
        Peer make(LocalServe serve) throws Exception;
    }

    private static PeerMaker serve(Transport transport) {
        return serve -> new ServePeer(RemoteReceiver.connect(serve.control(), "test"), transport, Optional.empty(),
                Optional.empty(), List.of());
    }

    @Test
    void everyStrategyDeliversVerifiedRamOverTcpAndUnixSockets() throws Exception {
        List<TrialResult> results = new ArrayList<>(trials(variant(1.0), new Network.Loopback(), serve(Transport.TCP)));
        results.addAll(trials(variant(1.0), new Network.Unix(), serve(Transport.UNIX)));
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
    void theNullPeerMeasuresTheSenderAloneAndSaysItIsUnverified() throws Exception {
        List<TrialResult> results = trials(variant(1.0), new Network.Null(), serve -> new NullPeer());
        assertThat(results).hasSize(4).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TrialStatus.UNVERIFIED);
            assertThat(t.series().role().name()).isEqualTo("UNVERIFIED");
            assertThat(t.counts().streamBytes()).isGreaterThan(7 << 20);
        });
    }

    @Test
    void partialTransferOfDirtyPagesIsVerifiedAgainstTheBaseImage() throws Exception {
        List<TrialResult> results = trials(variant(0.3), new Network.Loopback(), serve(Transport.TCP));
        assertThat(results).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TrialStatus.VERIFIED);
            assertThat(t.counts().dupPages() + t.counts().nodupPages()).isEqualTo(Math.round(0.3 * 2048));
        });
    }

    @Test
    void aPageCorruptedOnTheWayFailsTheTrialOnTheDigestAndIsNeverVerified() throws Exception {
        // one byte in the last block's pages flipped in flight; the real receiver decodes it and digests
        List<TrialResult> results = trials(variant(1.0, 0, 0), new Network.Loopback(),
                serve -> new CorruptingPeer(serve(Transport.TCP).make(serve), 0.9));
        assertThat(results).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TrialStatus.FAILED);
            assertThat(t.failureReason()).get().asString().contains("RAM digest mismatch").contains("mem1");
        });
    }

    @Test
    void aReceiverThatStopsReadingFailsTheTrialAtItsDeadlineInsteadOfHangingTheSender() throws Exception {
        // a real socket whose far end accepts and never reads: the sender's write blocks once the buffers fill
        Variant v = new Variant(new RamSpec(RamSpec.evenBlocks(64 << 20, 1, 4096), 4096, 0, 0, 1, Layout.RUNS,
                Content.RANDOM, 5), SinkOptions.of(32 << 10, 128), 32 << 10, SocketOptions.KERNEL, Map.of());
        try (ServerSocketChannel stalled = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
             SenderRams rams = new SenderRams(List.of(v.ram()), DupPolicy.ZERO, RamBacking.DIRECT)) {
            TrialRunner runner = new TrialRunner(rams, DupPolicy.ZERO, Clock.SYSTEM, bytes -> Duration.ofSeconds(1));
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> runner.run(new Slot(0, 0, false, 0),
                    new StrategySeries(new Network.Loopback(), Strategies.byName("vectored"), 0, v), new Stalled(stalled)))
                    .isInstanceOf(java.io.IOException.class)
                    .hasMessageStartingWith("sending stalled: the receiver took no more of the stream within the trial's deadline of 1 s (");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        }
    }

    /** A receiver that takes the data connection and then neither reads nor answers. */
    private record Stalled(ServerSocketChannel listener) implements Peer {
        @Override
        public Reception prepare(TrialRequest request) {
            return new Reception() {
                private SocketChannel ch;

                @Override
                public List<GatheringByteChannel> connect(SenderSockets sockets) throws java.io.IOException {
                    ch = SocketChannel.open(listener.getLocalAddress());
                    listener.accept(); // the kernel takes what fits in its buffers, then nothing more
                    return List.of(ch);
                }

                @Override
                public void endOfStream() {
                }

                @Override
                public boolean awaitEnd(Duration timeout) throws java.io.IOException {
                    throw new java.io.IOException("never reached");
                }

                @Override
                public Receipt receipt(Duration timeout) throws java.io.IOException {
                    throw new java.io.IOException("never reached");
                }

                @Override
                public void close() throws java.io.IOException {
                    ch.close();
                }
            };
        }

        @Override
        public SeriesRole role() {
            return SeriesRole.STRATEGY;
        }

        @Override
        public void close() {
        }
    }
}
