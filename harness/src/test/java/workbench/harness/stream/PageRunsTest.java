package workbench.harness.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import workbench.harness.io.BufferedSource;
import workbench.harness.io.PageRuns;
import workbench.harness.io.ReceiveMode;
import workbench.harness.io.ScatterSource;
import workbench.harness.io.ShortReadChannel;
import workbench.harness.io.SinkOptions;
import workbench.harness.strategy.Strategies;
import workbench.harness.strategy.WriteStrategy;
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
 * sendfile-runs and the page-run extension it writes. Byte identity with the QEMU strategies does
 * not apply: a run record replaces the headers of the pages it carries and the stream announces a
 * capability, so its bytes differ from vectored's by design. What must hold instead is what the
 * receiver ends up with — the sender's RAM, through the same sequence of page records as the QEMU
 * stream delivers — on both receive paths; a damaged run fails loudly, and a run nobody announced
 * is refused.
 */
class PageRunsTest {
    private static final WriteStrategy RUNS = Strategies.byName("sendfile-runs");
    private static final WriteStrategy VECTORED = Strategies.byName("vectored");
    private static final SinkOptions OPTIONS = SinkOptions.of(32 << 10, 128);
    private static final byte POISON = (byte) 0xEE;
    /** the capabilities subsection the encoder writes after the machine name "none" (stream offset 17) */
    private static final int CAPS_AT = 17;
    private static final int CAPS_LENGTH = 2 + StreamFormat.CAPABILITIES_SUBSECTION.length() + 4 + 4 + 1 + PageRuns.CAPABILITY.length();

    private record Rec(long word, boolean named, int fill) {
    }

    private static List<Rec> records(byte[] stream) throws Exception {
        List<Rec> seen = new ArrayList<>();
        Fixtures.decoder(stream, Fixtures.allocating(), (word, named, fill, page) -> seen.add(new Rec(word, named, fill))).decode();
        return seen;
    }

    @Property(tries = 25)
    void runStreamsDeliverTheSenderRamOnBothReceivePaths(@ForAll("specs") RamSpec spec, @ForAll DupPolicy policy,
                                                         @ForAll @IntRange(min = 1, max = 70_000) int maxPerCall,
                                                         @ForAll @IntRange(min = 1, max = 300_000) int maxPerRead) throws Exception {
        DirtyLog dirty = RamImage.dirtyLog(spec);
        try (GuestRam sender = RamImage.create(spec, dirty, RamBacking.SHM)) {
            byte[] runs = Encoding.encode(sender, dirty, policy, RUNS, OPTIONS, maxPerCall);
            byte[] qemu = Encoding.encode(sender, dirty, policy, VECTORED, OPTIONS, Integer.MAX_VALUE);
            assertThat(runs).isNotEqualTo(qemu);
            assertThat(records(runs)).isEqualTo(records(qemu));

            Decoded buffered = new StreamDecoder(new BufferedSource(new ShortReadChannel(runs, maxPerRead, 1)),
                    Fixtures.allocating()).decode();
            assertThat(RamDigest.of(buffered.ram())).isEqualTo(RamDigest.of(sender));
            assertThat(buffered.extensions()).containsExactly(PageRuns.CAPABILITY);
            assertThat(buffered.qemuReadable()).isFalse();
            assertThat(buffered.bytes()).isEqualTo(runs.length);
            Decoded plain = Fixtures.decode(qemu, Fixtures.allocating());
            assertThat(plain.qemuReadable()).isTrue();
            assertThat(buffered.records().page()).isEqualTo(plain.records().page());
            assertThat(buffered.records().run()).isBetween(plain.records().page() > 0 ? 1L : 0L, plain.records().page());

            GuestRam ram = GuestRam.allocate(spec.blocks(), spec.pageSize());
            ram.fill(POISON);
            ScatterSource source = new ScatterSource(new ShortReadChannel(runs, maxPerRead, spec.seed()), 32 << 10,
                    ReceiveMode.SCATTER_BYTES);
            Decoded scattered = new StreamDecoder(source, RamTarget.existing(ram, POISON)).decode();
            assertThat(RamDigest.of(ram)).isEqualTo(RamDigest.of(sender));
            assertThat(scattered.records()).isEqualTo(buffered.records());
        }
    }

    /** All nodup: each block is one run, read by scattering reads straight into RAM with nothing predicted wrongly. */
    @Test
    void wholeBlocksGoAsOneRunEachAndScatterIntoRam() throws Exception {
        RamSpec spec = new RamSpec(RamSpec.evenBlocks(3 * 1024L * 4096, 3, 4096), 4096, 0, 0, 1.0, Layout.RUNS,
                Content.RANDOM, 3);
        DirtyLog dirty = RamImage.dirtyLog(spec);
        try (GuestRam sender = RamImage.create(spec, dirty, RamBacking.SHM)) {
            byte[] runs = Encoding.encode(sender, dirty, DupPolicy.ZERO, RUNS, OPTIONS, Integer.MAX_VALUE);
            GuestRam ram = GuestRam.allocate(spec.blocks(), spec.pageSize());
            ram.fill(POISON);
            ScatterSource source = new ScatterSource(new ShortReadChannel(runs, 4 << 20, 7), 32 << 10, ReceiveMode.SCATTER_BYTES);
            Decoded d = new StreamDecoder(source, RamTarget.existing(ram, POISON)).decode();
            assertThat(RamDigest.of(ram)).isEqualTo(RamDigest.of(sender));
            assertThat(d.records().run()).isEqualTo(3);
            assertThat(d.records().page()).isEqualTo(3 * 1024);
            assertThat(source.scatters()).isGreaterThan(0);
            assertThat(source.mispredictions()).isZero();
        }
    }

    @Property(tries = 15)
    void aDroppedPageFailsLoudly(@ForAll("specs") RamSpec spec, @ForAll DupPolicy policy, @ForAll @IntRange(max = 1000) int pick)
            throws Exception {
        DirtyLog dirty = RamImage.dirtyLog(spec);
        try (GuestRam sender = RamImage.create(spec, dirty, RamBacking.SHM)) {
            byte[] runs = Encoding.encode(sender, dirty, policy, RUNS, OPTIONS, Integer.MAX_VALUE);
            int head = firstRunHead(runs, sender, policy);
            if (head < 0) {
                return; // no nodup page: nothing to drop
            }
            int count = ByteBuffer.wrap(runs).getInt(head - Integer.BYTES);
            assertThat(count).as("the run's page count").isBetween(1, (int) spec.pages());
            int dropAt = head + (pick % count) * 4096;
            byte[] dropped = new byte[runs.length - 4096];
            System.arraycopy(runs, 0, dropped, 0, dropAt);
            System.arraycopy(runs, dropAt + 4096, dropped, dropAt, runs.length - dropAt - 4096);
            assertThatThrownBy(() -> Fixtures.decode(dropped, Fixtures.allocating())).isInstanceOf(StreamFormatException.class);
        }
    }

    @Property(tries = 5)
    void aRunRecordNobodyAnnouncedIsRefused(@ForAll("specs") RamSpec spec) throws Exception {
        DirtyLog dirty = RamImage.dirtyLog(spec);
        try (GuestRam sender = RamImage.create(spec, dirty, RamBacking.SHM)) {
            byte[] runs = Encoding.encode(sender, dirty, DupPolicy.ZERO, RUNS, OPTIONS, Integer.MAX_VALUE);
            assertThat(new String(runs, CAPS_AT + 2, StreamFormat.CAPABILITIES_SUBSECTION.length(), StandardCharsets.US_ASCII))
                    .isEqualTo(StreamFormat.CAPABILITIES_SUBSECTION);
            byte[] unannounced = new byte[runs.length - CAPS_LENGTH];
            System.arraycopy(runs, 0, unannounced, 0, CAPS_AT);
            System.arraycopy(runs, CAPS_AT + CAPS_LENGTH, unannounced, CAPS_AT, unannounced.length - CAPS_AT);
            if (firstRunHead(runs, sender, DupPolicy.ZERO) < 0) {
                assertThat(Fixtures.decode(unannounced, Fixtures.allocating()).qemuReadable()).isTrue(); // no run in it
                return;
            }
            assertThatThrownBy(() -> Fixtures.decode(unannounced, Fixtures.allocating()))
                    .isInstanceOf(StreamFormatException.class)
                    .hasMessageContaining("an unannounced run record").hasMessageContaining(PageRuns.CAPABILITY);
        }
    }

    /**
     * Where the pages of the stream's first run record begin, or -1 if it has none. Between the first
     * PART header and the first nodup page come only ZERO records, so the first occurrence of its
     * run word after that header is its header.
     */
    private static int firstRunHead(byte[] stream, GuestRam ram, DupPolicy policy) {
        int part = find(stream, new byte[] {0x7e, 0, 0, 0, 2, 0x02, 0, 0, 0, 2}, 0); // the START's footer, then PART id 2
        for (int b = 0; b < ram.blocks().size(); b++) {
            var block = ram.blocks().get(b);
            for (int p = 0; p < block.pageCount(); p++) {
                if (policy.dupFill(block.page(p), 0, 4096) < 0) {
                    byte[] name = block.name().getBytes(StandardCharsets.UTF_8);
                    long word = (long) p * 4096 | PageRuns.RUN;
                    int named = find(stream, be64(word), part);
                    int continued = find(stream, be64(word | StreamFormat.RAM_CONTINUE), part);
                    if (named >= 0 && (continued < 0 || named < continued)) { // the block's first record, or after another block's
                        return named + Long.BYTES + 1 + name.length + Integer.BYTES;
                    }
                    return continued + Long.BYTES + Integer.BYTES;
                }
            }
        }
        return -1;
    }

    private static byte[] be64(long word) {
        return ByteBuffer.allocate(Long.BYTES).putLong(word).array();
    }

    private static int find(byte[] stream, byte[] pattern, int from) {
        for (int i = from; i + pattern.length <= stream.length; i++) {
            if (Arrays.equals(stream, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
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
