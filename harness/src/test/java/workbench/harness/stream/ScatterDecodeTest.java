package workbench.harness.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import workbench.harness.io.BufferedSource;
import workbench.harness.io.ReceiveMode;
import workbench.harness.io.ScatterSource;
import workbench.harness.io.ShortReadChannel;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamImage;
import workbench.workloads.ram.RamSpec;

/**
 * The scatter receiver decodes every stream into exactly the RAM the buffered one does, whatever
 * the mix, layout, dirty fraction, blocks and read sizes — so every speculative page it got wrong
 * was put back.
 */
class ScatterDecodeTest {
    private static final byte POISON = (byte) 0xEE;

    @Property(tries = 40)
    void scatterDecodesToTheSenderRam(@ForAll("specs") RamSpec spec, @ForAll DupPolicy policy,
                                      @ForAll("reads") int maxPerRead, @ForAll boolean untouchedKnown,
                                      @ForAll("scatters") long maxScatter) throws Exception {
        DirtyLog dirty = RamImage.dirtyLog(spec);
        GuestRam sender = RamImage.create(spec, dirty);
        byte[] stream = Encoding.encode(sender, dirty, policy);

        // untouched RAM known to be poison: a partial stream lands on poison alone (pages it does not send stay poison)
        boolean base = spec.partial() && !untouchedKnown;
        GuestRam plain = prepared(spec, base);
        List<Long> plainRecords = new ArrayList<>();
        Decoded expected = new StreamDecoder(new BufferedSource(new ShortReadChannel(stream, maxPerRead, 1)),
                RamTarget.existing(plain), collect(plainRecords)).decode();

        GuestRam ram = prepared(spec, base);
        ShortReadChannel channel = new ShortReadChannel(stream, maxPerRead, spec.seed());
        ScatterSource source = new ScatterSource(channel, 32 << 10, maxScatter);
        RamTarget target = untouchedKnown ? RamTarget.existing(ram, POISON) : RamTarget.existing(ram);
        List<Long> records = new ArrayList<>();
        Decoded d = new StreamDecoder(source, target, collect(records)).decode();

        assertThat(records).as("the records, in stream order, each seen once its page landed").isEqualTo(plainRecords);
        assertThat(RamDigest.of(ram)).isEqualTo(RamDigest.of(plain));
        if (!spec.partial() || base) {
            assertThat(RamDigest.of(ram)).isEqualTo(RamDigest.of(sender));
        }
        assertThat(d.records()).isEqualTo(expected.records());
        assertThat(d.bytes()).isEqualTo(stream.length);
        // a wrong prediction stops at a record that is not the next page, which is then decoded plainly: one per such record at most
        long notNextPage = d.records().zero() + d.records().blockIdstrSent() + jumps(records) + SECTIONS_AT_MOST;
        assertThat(source.mispredictions()).isLessThanOrEqualTo(notNextPage);
    }

    /** the ram sections an encoded bulk stream has (START, PARTs, END) at most, each ending in an EOS a prediction may meet */
    private static final long SECTIONS_AT_MOST = 16;

    /** words of the records seen, each with its fill byte (or -1) folded in, and whether its page holds the fill */
    private static RamRecordListener collect(List<Long> into) {
        return (word, named, fill, page) -> {
            into.add(word);
            into.add((long) fill);
            into.add(fill < 0 || DupPolicy.UNIFORM.dupFill(page, 0, 4096) == fill ? 1L : 0L);
        };
    }

    /** PAGE records whose offset does not follow the previous record's */
    private static long jumps(List<Long> records) {
        long jumps = 0;
        long previous = -1;
        for (int i = 0; i < records.size(); i += 3) {
            long offset = records.get(i) & ~0xfffL;
            if (previous >= 0 && offset != previous + 4096) {
                jumps++;
            }
            previous = offset;
        }
        return jumps;
    }

    /**
     * A stream of nodup pages with one ZERO record every {@code gap} pages: the batch after each
     * wrong prediction is short, so a miss hands back a few pages, not the hundreds of a full
     * batch, and ahead of the next ZERO the batches grow again.
     */
    @Property(tries = 4)
    void aWrongPredictionCostsAFewPages(@ForAll("gaps") int gap) throws Exception {
        int pages = 4096;
        RamSpec spec = new RamSpec(RamSpec.evenBlocks(pages * 4096L, 1, 4096), 4096, 1.0 / gap, 0, 1.0,
                Layout.SCATTERED, Content.RANDOM, gap);
        DirtyLog dirty = RamImage.dirtyLog(spec);
        GuestRam sender = RamImage.create(spec, dirty);
        byte[] stream = Encoding.encode(sender, dirty, DupPolicy.ZERO);
        GuestRam ram = prepared(spec, false);
        ScatterSource source = new ScatterSource(new ShortReadChannel(stream, 4 << 20, 3), 32 << 10, ReceiveMode.SCATTER_BYTES);
        Decoded d = new StreamDecoder(source, RamTarget.existing(ram, POISON)).decode();

        assertThat(RamDigest.of(ram)).isEqualTo(RamDigest.of(sender));
        assertThat(source.mispredictions()).isGreaterThan(0).isLessThanOrEqualTo(d.records().zero() + SECTIONS_AT_MOST);
        double handedBack = (double) source.unreadBytes() / 4096 / source.mispredictions();
        assertThat(handedBack).as("pages handed back per wrong prediction").isLessThan(Math.sqrt(4.0 * gap) * 2 + 2);
        assertThat(source.copiedBytes()).as("bytes copied out of the read buffer (buffered: the whole stream)")
                .isLessThan(stream.length / 2);
        assertThat(source.restoredPages()).as("pages a miss wrote are the next records' targets: they land, none is refilled")
                .isZero();
    }

    /** the receiver's, and scatters of a few records: their batches reach the most within this test's few hundred pages */
    @Provide
    Arbitrary<Long> scatters() {
        return Arbitraries.oneOf(Arbitraries.just(ReceiveMode.SCATTER_BYTES),
                Arbitraries.of(1, 2, 3, 8).map(records -> 4096 + records * (4096L + 8) + 8));
    }

    @Provide
    Arbitrary<Integer> gaps() {
        return Arbitraries.of(10, 30, 100, 400);
    }

    /** Nodup pages in runs, read whole: every prediction but the block's last holds, and pages land by scattering reads. */
    @Property(tries = 5)
    void runsOfNodupPagesArePredicted(@ForAll("blocks") int blocks) throws Exception {
        RamSpec spec = new RamSpec(RamSpec.evenBlocks(blocks * 1024L * 4096, blocks, 4096), 4096, 0, 0, 1.0,
                Layout.RUNS, Content.RANDOM, blocks);
        DirtyLog dirty = RamImage.dirtyLog(spec);
        GuestRam sender = RamImage.create(spec, dirty);
        byte[] stream = Encoding.encode(sender, dirty, DupPolicy.ZERO);
        GuestRam ram = prepared(spec, false);
        ScatterSource source = new ScatterSource(new ShortReadChannel(stream, 4 << 20, 7), 32 << 10, ReceiveMode.SCATTER_BYTES);
        new StreamDecoder(source, RamTarget.existing(ram, POISON)).decode();
        assertThat(RamDigest.of(ram)).isEqualTo(RamDigest.of(sender));
        assertThat(source.scatters()).isGreaterThan(0);
        assertThat(source.mispredictions()).as("a section or block boundary at most every few hundred pages")
                .isLessThanOrEqualTo(spec.pages() / 64);
    }

    private static GuestRam prepared(RamSpec spec, boolean base) {
        GuestRam ram = GuestRam.allocate(spec.blocks(), spec.pageSize());
        ram.fill(POISON);
        if (base) {
            RamImage.writeBase(ram, spec);
        }
        return ram;
    }

    @Provide
    Arbitrary<Integer> blocks() {
        return Arbitraries.integers().between(1, 3);
    }

    @Provide
    Arbitrary<Integer> reads() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 64), Arbitraries.integers().between(1, 20_000),
                Arbitraries.just(4 << 20));
    }

    @Provide
    Arbitrary<RamSpec> specs() {
        Arbitrary<Integer> blocks = Arbitraries.integers().between(1, 4);
        Arbitrary<Integer> pages = Arbitraries.integers().between(4, 700);
        Arbitrary<Double> dup = Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.just(0.034), Arbitraries.doubles().between(0, 1));
        Arbitrary<Double> dirty = Arbitraries.oneOf(Arbitraries.just(1.0), Arbitraries.doubles().between(0.05, 1));
        return Combinators.combine(blocks, pages, dup, Arbitraries.doubles().between(0, 0.2), dirty, Arbitraries.of(Layout.class),
                Arbitraries.of(Content.class), Arbitraries.longs()).as((b, p, z, u, d, layout, content, seed) -> new RamSpec(
                RamSpec.evenBlocks((long) b * p * 4096, b, 4096), 4096, z, u * (1 - z),
                Math.min(1, Math.max(d, 1.0 / (b * p))), layout, content, seed));
    }
}
