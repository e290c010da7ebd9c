package workbench.harness.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import workbench.harness.io.BufferedSource;
import workbench.harness.io.CollectingChannel;
import workbench.harness.io.MultifdPackets;
import workbench.harness.io.PageTable;
import workbench.harness.io.ShortReadChannel;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.StreamSink;
import workbench.harness.strategy.Strategies;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBacking;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamImage;
import workbench.workloads.ram.RamSpec;

/**
 * multifd end to end in memory: our sender's main stream and channels, read back by the receiver's
 * decoder and channel readers into poisoned RAM, must leave exactly the sender's RAM — any number of
 * blocks, any mix of zero, uniform and random pages, one to four channels, short writes and short
 * reads. A page that goes missing must not pass: its poison stays and the digest differs, and a
 * packet cut short is a format error naming its channel.
 */
class MultifdRoundTripTest {
    private static final byte POISON = (byte) 0xEE;

    /** what the sender wrote: the main stream, then each channel's bytes */
    private record Streams(byte[] main, List<byte[]> channels, long nodup, long dup) {
    }

    private static Streams send(GuestRam ram, DirtyLog dirty, DupPolicy policy, int channels, int maxPerCall) throws IOException {
        List<CollectingChannel> out = new ArrayList<>();
        for (int i = 0; i <= channels; i++) {
            out.add(new CollectingChannel(maxPerCall));
        }
        StreamEncoder.Sent sent;
        try (StreamSink sink = Strategies.byName("multifd").open(out, new SinkOptions(32 << 10, 128, 32 << 10, channels))) {
            sent = new StreamEncoder(new PageTable(ram), dirty, policy).encode(sink);
            assertThat(sink.bytesPut()).isEqualTo(out.stream().mapToLong(c -> c.bytes().length).sum());
            assertThat(sink.channelCounts()).hasSize(channels);
        }
        return new Streams(out.get(0).bytes(), out.subList(1, out.size()).stream().map(CollectingChannel::bytes).toList(),
                sent.nodupPages(), sent.dupPages());
    }

    /** The receiver's side: poisoned RAM of the sender's layout, the main stream decoded while a thread reads each channel. */
    private static GuestRam receive(RamSpec spec, Streams s, int maxPerRead) throws Exception {
        GuestRam ram = GuestRam.allocate(spec.blocks(), spec.pageSize());
        ram.fill(POISON);
        MultifdSync sync = new MultifdSync(s.channels().size());
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        long channelPages = 0;
        List<MultifdChannelReader> readers = new ArrayList<>();
        for (int id = 0; id < s.channels().size(); id++) {
            byte[] bytes = s.channels().get(id);
            ByteBuffer init = ByteBuffer.wrap(bytes, 0, MultifdPackets.INIT_BYTES);
            assertThat(MultifdPackets.initRefusal(init, s.channels().size())).isEmpty();
            assertThat(MultifdPackets.initId(init)).isEqualTo(id);
            byte[] rest = java.util.Arrays.copyOfRange(bytes, MultifdPackets.INIT_BYTES, bytes.length);
            MultifdChannelReader reader = new MultifdChannelReader(id, new ShortReadChannel(rest, maxPerRead, id), ram, sync);
            readers.add(reader);
            Thread t = new Thread(() -> {
                try {
                    reader.read();
                } catch (Exception e) {
                    failures.add(e);
                    sync.fail(new IOException(e.getMessage()));
                }
            });
            threads.add(t);
            t.start();
        }
        try {
            Decoded d = new StreamDecoder(new BufferedSource(new ShortReadChannel(s.main(), maxPerRead, 99), 32 << 10),
                    sync.around(RamTarget.existing(ram, POISON))).decode();
            sync.end();
            assertThat(d.records().page()).as("no page on the main stream").isZero();
            assertThat(d.records().zero()).isEqualTo(s.dup());
        } catch (Exception e) {
            sync.fail(new IOException(e.getMessage()));
            for (Thread t : threads) {
                t.join();
            }
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
            throw e;
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        for (MultifdChannelReader r : readers) {
            channelPages += r.pages();
            assertThat(sync.arrived(r.id())).as("channel %d's SYNCs", r.id()).isEqualTo(sync.syncs());
        }
        assertThat(sync.syncs()).as("START, the PART and END: one sync each").isEqualTo(3);
        assertThat(channelPages).isEqualTo(s.nodup());
        return ram;
    }

    @Property(tries = 15)
    void multifdDeliversExactlyTheSenderRam(@ForAll("specs") RamSpec spec, @ForAll DupPolicy policy,
                                            @ForAll @IntRange(min = 1, max = 4) int channels,
                                            @ForAll @IntRange(min = 1, max = 600_000) int maxPerCall,
                                            @ForAll @IntRange(min = 1, max = 300_000) int maxPerRead) throws Exception {
        DirtyLog dirty = RamImage.dirtyLog(spec);
        try (GuestRam sender = RamImage.create(spec, dirty, RamBacking.DIRECT)) {
            Streams s = send(sender, dirty, policy, channels, maxPerCall);
            try (GuestRam received = receive(spec, s, maxPerRead)) {
                assertThat(RamDigest.of(received)).isEqualTo(RamDigest.of(sender));
            }
        }
    }

    @Test
    void aDroppedPacketLeavesPoisonAndTheDigestDiffers() throws Exception {
        RamSpec spec = new RamSpec(RamSpec.evenBlocks(4 << 20, 2, 4096), 4096, 0.1, 0.1, 1, Layout.SCATTERED, Content.RANDOM, 5);
        DirtyLog dirty = RamImage.dirtyLog(spec);
        try (GuestRam sender = RamImage.create(spec, dirty, RamBacking.DIRECT)) {
            Streams s = send(sender, dirty, DupPolicy.ZERO, 2, Integer.MAX_VALUE);
            byte[] ch = s.channels().get(1);
            int first = MultifdPackets.INIT_BYTES + MultifdPackets.HEADER_BYTES; // after the setup's SYNC packet
            int pages = ByteBuffer.wrap(ch).getInt(first + 16);
            assertThat(pages).as("the first data packet's pages").isPositive();
            int length = MultifdPackets.HEADER_BYTES + pages * 4096;
            byte[] dropped = new byte[ch.length - length];
            System.arraycopy(ch, 0, dropped, 0, first);
            System.arraycopy(ch, first + length, dropped, first, ch.length - first - length);
            List<byte[]> channels = List.of(s.channels().get(0), dropped);
            try (GuestRam received = receive(spec, new Streams(s.main(), channels, s.nodup() - pages, s.dup()), 1 << 20)) {
                assertThat(RamDigest.of(received)).isNotEqualTo(RamDigest.of(sender));
                Optional<Integer> poisoned = firstPoisonedPage(received);
                assertThat(poisoned).as("a page still poisoned").isPresent();
            }
        }
    }

    @Test
    void aPacketCutShortIsAFormatErrorNamingItsChannel() throws Exception {
        RamSpec spec = new RamSpec(RamSpec.evenBlocks(2 << 20, 1, 4096), 4096, 0, 0, 1, Layout.SCATTERED, Content.RANDOM, 6);
        DirtyLog dirty = RamImage.dirtyLog(spec);
        try (GuestRam sender = RamImage.create(spec, dirty, RamBacking.DIRECT)) {
            Streams s = send(sender, dirty, DupPolicy.ZERO, 2, Integer.MAX_VALUE);
            byte[] ch = s.channels().get(0).clone();
            int first = MultifdPackets.INIT_BYTES + MultifdPackets.HEADER_BYTES;
            int pages = ByteBuffer.wrap(ch).getInt(first + 16);
            ByteBuffer.wrap(ch).putInt(first + 16, pages - 1); // one page fewer announced: the next header is misread
            Streams cut = new Streams(s.main(), List.of(ch, s.channels().get(1)), s.nodup(), s.dup());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> receive(spec, cut, 1 << 20))
                    .isInstanceOf(StreamFormatException.class).hasMessageContaining("multifd channel 0");
        }
    }

    /** the first page of any block whose every byte is still poison */
    private static Optional<Integer> firstPoisonedPage(GuestRam ram) {
        for (var b : ram.blocks()) {
            for (int p = 0; p < b.pageCount(); p++) {
                ByteBuffer page = b.page(p);
                boolean poisoned = true;
                for (int i = 0; i < page.capacity() && poisoned; i++) {
                    poisoned = page.get(i) == POISON;
                }
                if (poisoned) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    @Provide
    Arbitrary<RamSpec> specs() {
        Arbitrary<double[]> mix = Arbitraries.doubles().between(0, 1).list().ofSize(2)
                .map(l -> new double[] {l.get(0), l.get(1) * (1 - l.get(0))});
        return Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(4, 300), mix,
                Arbitraries.of(Layout.class), Arbitraries.of(Content.class), Arbitraries.longs())
                .as((b, p, m, layout, content, seed) -> new RamSpec(RamSpec.evenBlocks((long) b * p * 4096, b, 4096), 4096,
                        m[0], m[1], 1.0, layout, content, seed));
    }
}
