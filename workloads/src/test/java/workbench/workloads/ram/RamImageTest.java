package workbench.workloads.ram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.page.PageClass;

class RamImageTest {
    private static RamSpec spec(long size, int blocks, double dup, double uniform, double dirty, Layout layout, long seed) {
        return new RamSpec(RamSpec.evenBlocks(size, blocks, 4096), 4096, dup, uniform, dirty, layout, Content.RANDOM, seed);
    }

    private static RamSpec spec(long size, long seed) {
        return spec(size, 2, 0.25, 0.10, 1.0, Layout.SCATTERED, seed);
    }

    @Test
    void sameSpecAndSeedGiveTheSameBytes() {
        RamSpec s = spec(8 << 20, 7);
        assertThat(RamDigest.of(RamImage.create(s, RamImage.dirtyLog(s))))
                .isEqualTo(RamDigest.of(RamImage.create(s, RamImage.dirtyLog(s))));
    }

    @Test
    void anotherSeedGivesOtherBytes() {
        RamSpec a = spec(8 << 20, 7);
        RamSpec b = spec(8 << 20, 8);
        assertThat(RamDigest.of(RamImage.create(a, RamImage.dirtyLog(a))))
                .isNotEqualTo(RamDigest.of(RamImage.create(b, RamImage.dirtyLog(b))));
    }

    @Test
    void pageClassCountsAreExact() {
        for (Layout layout : Layout.values()) {
            RamSpec s = spec(16 << 20, 3, 0.25, 0.125, 1.0, layout, 11);
            GuestRam ram = RamImage.create(s, RamImage.dirtyLog(s));
            Map<PageClass, Integer> counts = classify(ram);
            long pages = s.pages();
            long units = layout.units(pages);
            long runPages = layout == Layout.RUNS ? Layout.RUN_PAGES : 1;
            assertThat((long) counts.get(PageClass.ZERO)).as(layout.name()).isEqualTo(Math.round(0.25 * units) * runPages);
            assertThat((long) counts.get(PageClass.UNIFORM)).as(layout.name()).isEqualTo(Math.round(0.125 * units) * runPages);
            assertThat(counts.values().stream().mapToLong(Integer::longValue).sum()).isEqualTo(pages);
        }
    }

    @Test
    void partialTransferRewritesExactlyTheDirtyPages() {
        RamSpec s = spec(8 << 20, 1, 0.0, 0.0, 0.25, Layout.SCATTERED, 5);
        DirtyLog dirty = RamImage.dirtyLog(s);
        assertThat(dirty.count()).isEqualTo(Math.round(0.25 * s.pages()));
        GuestRam sender = RamImage.create(s, dirty);
        GuestRam base = GuestRam.allocate(s.blocks(), 4096);
        RamImage.writeBase(base, s);
        RamBlock a = sender.blocks().get(0);
        RamBlock b = base.blocks().get(0);
        for (int p = 0; p < a.pageCount(); p++) {
            assertThat(a.page(p).equals(b.page(p))).as("page %d", p).isEqualTo(!dirty.isDirty(0, p));
        }
    }

    @Test
    void ramBeyondTwoGibSpansChunksAndMapsShm() throws IOException {
        long size = (2L << 30) + (256L << 20);
        RamSpec s = new RamSpec(RamSpec.evenBlocks(size, 1, 4096), 4096, 0.5, 0, 1.0, Layout.RUNS, Content.COUNTER, 3);
        try (GuestRam ram = GuestRam.allocate(s.blocks(), 4096, RamBacking.SHM)) {
            RamImage.writeBase(ram, s);
            RamBlock block = ram.blocks().get(0);
            assertThat(block.pageCount()).isEqualTo((int) (size / 4096));
            ByteBuffer last = block.page(block.pageCount() - 1);
            assertThat(last.remaining()).isEqualTo(4096);
            assertThat(RamDigest.of(ram).blocks()).hasSize(1);
            FileChannel file = block.file().orElseThrow();
            for (int p : new int[] {0, (1 << 30) / 4096 - 1, (1 << 30) / 4096, block.pageCount() - 1}) {
                block.page(p).putLong(8, 0x5EED0000L + p);
                assertThat(RamBackingTest.read(file, block.fileOffset(p))).as("page %d", p).isEqualTo(block.page(p));
            }
            ram.fill((byte) 0xEE);
            assertThat(block.page(block.pageCount() - 1).get(4095)).isEqualTo((byte) 0xEE);
            assertThat(RamBackingTest.read(file, block.fileOffset(block.pageCount() - 1)).get(4095)).isEqualTo((byte) 0xEE);
        }
    }

    /** pinned from the build before DirtyLog (as each block's plain SHA-256): a partial image's bytes must not change */
    @Test
    void partialImageKeepsItsPinnedDigest() {
        RamSpec s = new RamSpec(RamSpec.evenBlocks(8 << 20, 3, 4096), 4096, 0.25, 0.10, 0.3, Layout.SCATTERED, Content.RANDOM, 9);
        assertThat(RamImage.create(s, RamImage.dirtyLog(s)).blocks()).extracting(RamDigest::sha256)
                .containsExactly("54d4d6423c4df9c1cf850715b4dd62306ed65d6145bab59712888c78af88e0e7",
                        "25a14d72b1bf821d6caa5f412e7712080a9ace5c9faabea619d9475ae590c79f",
                        "2741bbcf7c3b0fecd4449a789e6fbfae4c4f11812a9b073c411f9160015b27dc");
    }

    @Test
    void dirtyLogOfAnotherLayoutIsRefused() {
        RamSpec s = spec(1 << 20, 1, 0.0, 0.0, 0.5, Layout.SCATTERED, 1);
        assertThatThrownBy(() -> RamImage.create(s, DirtyLog.all(java.util.List.of(10))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dirty log");
    }

    @Test
    void specRejectsImpossibleFractions() {
        assertThatThrownBy(() -> spec(1 << 20, 1, 0.7, 0.5, 1.0, Layout.SCATTERED, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceed 1");
        assertThatThrownBy(() -> spec(1 << 20, 1, 0.1, 0.0, 0.0, Layout.SCATTERED, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dirty");
    }

    private static Map<PageClass, Integer> classify(GuestRam ram) {
        Map<PageClass, Integer> counts = new EnumMap<>(PageClass.class);
        for (PageClass c : PageClass.values()) {
            counts.put(c, 0);
        }
        for (RamBlock b : ram.blocks()) {
            for (int p = 0; p < b.pageCount(); p++) {
                ByteBuffer page = b.page(p);
                PageClass c = DupPolicy.ZERO.dupFill(page) == 0 ? PageClass.ZERO
                        : DupPolicy.UNIFORM.dupFill(page) > 0 ? PageClass.UNIFORM : PageClass.OTHER;
                counts.merge(c, 1, Integer::sum);
            }
        }
        return counts;
    }
}
