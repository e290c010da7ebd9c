package workbench.harness.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import workbench.harness.io.SinkOptions;
import workbench.harness.strategy.Strategies;
import workbench.harness.strategy.WriteStrategy;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamDigest;
import workbench.workloads.ram.RamImage;
import workbench.workloads.ram.RamSpec;

/** Our encoder, through either write strategy, and our decoder agree on every small guest. */
class RoundTripTest {

    @Property(tries = 40)
    void bothStrategiesEmitTheSameBytesAndDecodeToTheSenderRam(@ForAll("fullSpecs") RamSpec spec,
                                                               @ForAll DupPolicy policy,
                                                               @ForAll("options") SinkOptions options,
                                                               @ForAll @IntRange(min = 1, max = 70_000) int maxPerCall) throws Exception {
        DirtyLog dirty = RamImage.dirtyLog(spec);
        GuestRam sender = RamImage.create(spec, dirty);

        byte[] scalar = Encoding.encode(sender, dirty, policy, Strategies.byName("scalar"), options, maxPerCall);
        byte[] vectored = Encoding.encode(sender, dirty, policy, Strategies.byName("vectored"), options, maxPerCall);
        assertThat(vectored).isEqualTo(scalar);

        Decoded d = Fixtures.decode(scalar, Fixtures.allocating());
        assertThat(RamDigest.of(d.ram())).isEqualTo(RamDigest.of(sender));
        assertThat(d.ram().layout()).isEqualTo(spec.blocks());
        assertThat(d.records().zero() + d.records().page()).isEqualTo(spec.pages());
        assertThat(d.records().blockIdstrSent()).isEqualTo(spec.blocks().size());
        assertThat(d.records().zeroNonzeroFill()).isEqualTo(policy == DupPolicy.ZERO ? 0 : d.records().zero() - zeroPages(sender));
        if (policy == DupPolicy.UNIFORM) {
            assertThat(d.records().pageWithUniformContent()).isZero();
        }
        assertThat(d.bytes()).isEqualTo(scalar.length);
        assertThat(d.vmdescLength()).isPositive();
    }

    @Property(tries = 20)
    void partialTransferOntoTheBaseImageGivesTheSenderRam(@ForAll("partialSpecs") RamSpec spec, @ForAll DupPolicy policy)
            throws Exception {
        DirtyLog dirty = RamImage.dirtyLog(spec);
        GuestRam sender = RamImage.create(spec, dirty);
        byte[] stream = Encoding.encode(sender, dirty, policy);

        GuestRam receiver = GuestRam.allocate(spec.blocks(), spec.pageSize());
        receiver.fill((byte) 0xEE);
        RamImage.writeBase(receiver, spec);
        Decoded d = Fixtures.decode(stream, RamTarget.existing(receiver));

        assertThat(RamDigest.of(d.ram())).isEqualTo(RamDigest.of(sender));
        assertThat(d.records().zero() + d.records().page()).isEqualTo(dirty.count());

        GuestRam poisoned = GuestRam.allocate(spec.blocks(), spec.pageSize());
        poisoned.fill((byte) 0xEE);
        Fixtures.decode(stream, RamTarget.existing(poisoned));
        if (dirty.count() < spec.pages()) {
            assertThat(RamDigest.of(poisoned)).as("pages not sent keep the receiver's bytes").isNotEqualTo(RamDigest.of(sender));
        }
    }

    @Provide
    Arbitrary<RamSpec> fullSpecs() {
        return specs(Arbitraries.just(1.0));
    }

    @Provide
    Arbitrary<RamSpec> partialSpecs() {
        return specs(Arbitraries.doubles().between(0.05, 0.95));
    }

    private static Arbitrary<RamSpec> specs(Arbitrary<Double> dirty) {
        Arbitrary<Integer> blocks = Arbitraries.integers().between(1, 4);
        Arbitrary<Integer> pages = Arbitraries.integers().between(4, 96);
        Arbitrary<double[]> mix = Arbitraries.doubles().between(0, 1).list().ofSize(2)
                .map(l -> new double[] {l.get(0), l.get(1) * (1 - l.get(0))});
        return Combinators.combine(blocks, pages, mix, dirty, Arbitraries.of(Layout.class), Arbitraries.of(Content.class),
                Arbitraries.longs()).as((b, p, m, d, layout, content, seed) -> new RamSpec(
                RamSpec.evenBlocks((long) b * p * 4096, b, 4096), 4096, m[0], m[1],
                Math.min(1, Math.max(d, 1.0 / (b * p))), layout, content, seed)); // RamSpec refuses a fraction that sends no page
    }

    @Provide
    Arbitrary<SinkOptions> options() {
        return Combinators.combine(Arbitraries.integers().between(64, 70_000), Arbitraries.integers().between(1, 200),
                Arbitraries.integers().between(4096, 40_000)).as(SinkOptions::new);
    }

    private static long zeroPages(GuestRam ram) {
        return ram.blocks().stream().mapToLong(b -> {
            long n = 0;
            for (int p = 0; p < b.pageCount(); p++) {
                n += DupPolicy.ZERO.dupFill(b.page(p)) == 0 ? 1 : 0;
            }
            return n;
        }).sum();
    }

    @Property(tries = 5)
    void evenBlocksNamesAreTheStreamNames(@ForAll @IntRange(min = 1, max = 6) int count) throws Exception {
        RamSpec spec = new RamSpec(RamSpec.evenBlocks(count * 8L * 4096, count, 4096), 4096, 0.5, 0.2, 1.0,
                Layout.RUNS, Content.COUNTER, count);
        DirtyLog dirty = RamImage.dirtyLog(spec);
        Decoded d = Fixtures.decode(Encoding.encode(RamImage.create(spec, dirty), dirty, DupPolicy.ZERO), Fixtures.allocating());
        assertThat(d.ram().layout()).extracting(b -> b.name()).isEqualTo(
                java.util.stream.IntStream.range(0, count).mapToObj(i -> "mem" + i).toList());
        assertThat(d.sections()).extracting(Section::type).isEqualTo(List.of("CONFIGURATION", "SECTION_START",
                "SECTION_PART", "SECTION_END", "SECTION_FULL", "SECTION_FULL", "EOF"));
    }
}
