package workbench.harness.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.Pipe;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import workbench.harness.io.PageTable;
import workbench.harness.io.ReceiveMode;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.StreamSink;
import workbench.harness.metrics.Clock;
import workbench.harness.peer.Peer;
import workbench.harness.peer.ThrottledPeer;
import workbench.harness.strategy.Strategies;
import workbench.harness.stream.RamTarget;
import workbench.harness.stream.StreamDecoder;
import workbench.harness.stream.StreamEncoder;
import workbench.reports.model.LiveFigures;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.live.Dirtier;
import workbench.workloads.live.LiveContent;
import workbench.workloads.live.PageVersions;
import workbench.workloads.live.Workload;
import workbench.workloads.live.WorkloadKind;
import workbench.workloads.live.WritePattern;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBacking;
import workbench.workloads.ram.RamBlock;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamSpec;

/** Pre-copy of a running guest: real writers, real sockets, a real receiver in this JVM. */
class PrecopyTest {
    private static RamSpec spec(long bytes, double dup) {
        return new RamSpec(RamSpec.evenBlocks(bytes, 2, 4096), 4096, dup, 0.05, 1, Layout.SCATTERED, Content.RANDOM, 11);
    }

    private static Workload precopy(long rate, long maxDowntimeNanos, int maxPasses) {
        return new Workload(WorkloadKind.PRECOPY, rate, WritePattern.UNIFORM, 1, maxDowntimeNanos, maxPasses, 25_000_000L, 10, 5);
    }

    private static Variant variant(RamSpec spec, Workload w) {
        return new Variant(spec, SinkOptions.of(32 << 10, 128), 32 << 10, SocketOptions.KERNEL, Map.of(), ReceiveMode.BUFFERED, w);
    }

    private static List<TrialResult> trials(Variant v, List<String> strategies, UnaryOperator<Peer> wrap) throws Exception {
        return ServedTrials.run(v, strategies, wrap);
    }

    @Test
    void aSlowWriterConvergesAndTheReceiverHoldsTheFinalRam() throws Exception {
        List<TrialResult> results = trials(variant(spec(8 << 20, 0.1), precopy(2000, 300_000_000L, 30)),
                List.of("scalar", "vectored", "scalar"), p -> p);
        assertThat(results).allSatisfy(t -> {
            assertThat(t.status()).as(t.failureReason().orElse("")).isEqualTo(TrialStatus.VERIFIED);
            LiveFigures.PrecopyFigures f = t.liveFigures().flatMap(LiveFigures::precopyFigures).orElseThrow();
            assertThat(f.converged()).isTrue();
            assertThat(f.passes().get(0).pages()).isEqualTo(2048);
            assertThat(f.passes().get(f.passes().size() - 1).stopAndCopy()).isTrue();
            assertThat(f.passes().stream().mapToLong(LiveFigures.Pass::bytes).sum()).isLessThanOrEqualTo(t.counts().streamBytes());
            assertThat(f.downtimeSeconds()).isPositive().isLessThanOrEqualTo(t.transferSeconds());
            assertThat(t.counts().dupPages() + t.counts().nodupPages())
                    .isEqualTo(f.passes().stream().mapToLong(LiveFigures.Pass::pages).sum());
        });
    }

    /** 2 MiB of writes per pass against a link of 4 MB/s and 20 ms allowed: it cannot converge, and says so */
    @Test
    void aWriterFasterThanTheLinkStopsAtMaxPassesAndIsReportedNotConverged() throws Exception {
        List<TrialResult> results = trials(variant(spec(2 << 20, 0), precopy(0, 20_000_000L, 3)), List.of("vectored"),
                p -> new ThrottledPeer(p, 4_000_000));
        TrialResult t = results.get(0);
        assertThat(t.status()).as(t.failureReason().orElse("")).isEqualTo(TrialStatus.VERIFIED);
        LiveFigures.PrecopyFigures f = t.liveFigures().flatMap(LiveFigures::precopyFigures).orElseThrow();
        assertThat(f.converged()).isFalse();
        assertThat(f.livePasses()).isEqualTo(3);
        assertThat(f.passes()).hasSize(4);
        assertThat(f.writesPerSecond()).isGreaterThan(1000);
    }

    /**
     * The digest is the check on the dirty log: a test hook writes a page after the writers stopped and
     * drops its dirty bit, the stop-and-copy pass leaves it out, and the receiver's RAM differs.
     */
    @Test
    void aMissedDirtyPageIsCaughtByTheDigest() throws Exception {
        RamSpec spec = spec(4 << 20, 0);
        try (SenderRams rams = new SenderRams(List.of(spec), DupPolicy.ZERO, RamBacking.DIRECT);
             GuestRam received = GuestRam.allocate(spec.blocks(), 4096, RamBacking.DIRECT)) {
            GuestRam ram = rams.of(spec).ram();
            List<Integer> pages = ram.blocks().stream().map(RamBlock::pageCount).toList();
            for (boolean drop : new boolean[] {false, true}) {
                received.fill((byte) 0xEE);
                DirtyLog log = DirtyLog.none(pages);
                Workload w = precopy(0, 1_000_000_000L, 2);
                Dirtier writers = new Dirtier(ram, new PageVersions(ram), new LiveContent(spec), log, w, drop ? 2 : 1).start();
                // a guest write whose dirty bit is lost: the page changes after the receiver got it, and no pass knows
                PrecopyPasses.BeforeLastSync hook = !drop ? PrecopyPasses.BeforeLastSync.NONE : l -> {
                    new LiveContent(spec).write(ram.blocks().get(1).pageView(7), 7 + pages.get(0), 1_000_000);
                    l.mark(1, 7);
                    l.testAndClear(1, 7);
                };
                Pipe pipe = Pipe.open();
                CompletableFuture<Void> decoding = CompletableFuture.runAsync(() -> {
                    try (var source = pipe.source()) {
                        new StreamDecoder(ReceiveMode.BUFFERED.open(source, 32 << 10), RamTarget.existing(received, (byte) 0xEE)).decode();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                while (writers.writes() < 500) {
                    Thread.onSpinWait(); // dirty pages for the last pass, whatever the scheduler does
                }
                try (StreamSink sink = Strategies.byName("vectored").open(List.of(pipe.sink()), SinkOptions.of(32 << 10, 128))) {
                    new PrecopyPasses(new StreamEncoder(new PageTable(ram), DirtyLog.all(pages), DupPolicy.ZERO), w, Clock.SYSTEM,
                            4096, hook).send(sink, DirtyLog.all(pages), log, writers);
                }
                pipe.sink().close();
                decoding.get();
                if (drop) {
                    assertThat(RamDigest.of(received)).isNotEqualTo(RamDigest.of(ram));
                } else {
                    assertThat(RamDigest.of(received)).isEqualTo(RamDigest.of(ram));
                }
            }
        }
    }
}
