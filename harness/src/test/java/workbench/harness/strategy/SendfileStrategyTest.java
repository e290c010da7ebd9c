package workbench.harness.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import workbench.harness.io.CollectingChannel;
import workbench.harness.io.PageTable;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.StreamSink;
import workbench.harness.stream.StreamEncoder;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBacking;
import workbench.workloads.ram.RamImage;
import workbench.workloads.ram.RamSpec;

/**
 * sendfile writes QEMU's stream byte for byte as vectored does, from the guest's /dev/shm file,
 * and counts its own calls: one sendfile per nodup page, one plain write of the headers before it.
 * (Here the target is a test channel, so the JDK copies instead of calling sendfile(2); that the
 * kernel's sendfile runs on a real socket was checked with strace — see the strategy's javadoc.)
 */
class SendfileStrategyTest {
    private static final WriteStrategy SENDFILE = Strategies.byName("sendfile");
    private static final WriteStrategy VECTORED = Strategies.byName("vectored");

    private record Sent(byte[] bytes, StreamEncoder.Sent pages, StreamSink sink, CollectingChannel channel) {
    }

    private static Sent send(WriteStrategy strategy, GuestRam ram, DirtyLog dirty, DupPolicy policy, SinkOptions options,
                             int maxPerCall) throws IOException {
        CollectingChannel ch = new CollectingChannel(maxPerCall);
        StreamSink sink = strategy.open(List.of(ch), options);
        StreamEncoder.Sent pages = new StreamEncoder(new PageTable(ram), dirty, policy).encode(sink);
        sink.close();
        return new Sent(ch.bytes(), pages, sink, ch);
    }

    @Property(tries = 20)
    void byteIdenticalToVectoredForRandomMultiBlockRam(@ForAll("specs") RamSpec spec, @ForAll DupPolicy policy,
                                                        @ForAll @IntRange(min = 4096, max = 40_000) int staging,
                                                        @ForAll @IntRange(min = 1, max = 70_000) int maxPerCall) throws IOException {
        DirtyLog dirty = RamImage.dirtyLog(spec);
        try (GuestRam ram = RamImage.create(spec, dirty, RamBacking.SHM)) {
            SinkOptions options = new SinkOptions(32 << 10, 128, staging);
            Sent vectored = send(VECTORED, ram, dirty, policy, options, Integer.MAX_VALUE);
            Sent sendfile = send(SENDFILE, ram, dirty, policy, options, maxPerCall);
            assertThat(sendfile.bytes()).isEqualTo(vectored.bytes());
            assertThat(sendfile.sink().bytesPut()).isEqualTo(vectored.bytes().length);
            assertThat(sendfile.sink().calls().sendfiles()).isGreaterThanOrEqualTo(sendfile.pages().nodupPages());
            assertThat(sendfile.sink().bytesCopied()).isEqualTo(vectored.sink().bytesCopied()); // headers only
        }
    }

    @Property(tries = 5)
    void oneSendfileAndOneWritePerNodupPage(@ForAll("specs") RamSpec spec) throws IOException {
        DirtyLog dirty = RamImage.dirtyLog(spec);
        try (GuestRam ram = RamImage.create(spec, dirty, RamBacking.SHM)) {
            Sent s = send(SENDFILE, ram, dirty, DupPolicy.ZERO, SinkOptions.of(32 << 10, 128), Integer.MAX_VALUE);
            long nodup = s.pages().nodupPages();
            assertThat(s.sink().calls().sendfiles()).isEqualTo(nodup);
            // the headers staged before each page go in one write; the stream's head and tail add at most two
            assertThat(s.sink().calls().writes()).isBetween(nodup, nodup + 2);
            // this test channel is no socket: the JDK's transferTo falls back to one heap-buffer write per page
            assertThat(s.channel().writes()).isEqualTo(s.sink().calls().writes() + nodup);
            assertThat(s.sink().calls().writevs()).isZero();
            assertThat(s.sink().capabilities()).isEmpty();
        }
    }

    @Test
    void refusesGuestRamInDirectMemory() {
        RamSpec spec = new RamSpec(RamSpec.evenBlocks(16 * 4096, 2, 4096), 4096, 0, 0, 1.0, Layout.SCATTERED, Content.RANDOM, 1);
        DirtyLog dirty = RamImage.dirtyLog(spec);
        try (GuestRam ram = RamImage.create(spec, dirty, RamBacking.DIRECT)) {
            assertThatThrownBy(() -> send(SENDFILE, ram, dirty, DupPolicy.ZERO, SinkOptions.of(32 << 10, 128), Integer.MAX_VALUE))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("--backing shm");
        }
    }

    @Provide
    Arbitrary<RamSpec> specs() {
        Arbitrary<double[]> mix = Arbitraries.doubles().between(0, 1).list().ofSize(2)
                .map(l -> new double[] {l.get(0), l.get(1) * (1 - l.get(0))});
        return Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(4, 96), mix,
                Arbitraries.of(Layout.class), Arbitraries.of(Content.class), Arbitraries.longs())
                .as((b, p, m, layout, content, seed) -> new RamSpec(RamSpec.evenBlocks((long) b * p * 4096, b, 4096), 4096,
                        m[0], m[1], 1.0, layout, content, seed));
    }
}
