package workbench.workloads.ram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbench.workloads.page.Content;
import workbench.workloads.page.Layout;

class RamDigestTest {
    @TempDir
    Path tmp;

    /** a QEMU destination's RAM file is checked against the sender's block: same bytes, same digest; one byte off, another */
    @Test
    void aFileWithABlocksBytesHasTheBlocksDigest() throws IOException {
        RamSpec spec = new RamSpec(List.of(new BlockSpec("mem0", 4 << 20)), 4096, 0.1, 0.05, 1, Layout.RUNS, Content.RANDOM, 7);
        try (GuestRam ram = RamImage.create(spec, RamImage.dirtyLog(spec))) {
            RamBlock block = ram.block("mem0");
            Path file = tmp.resolve("mem0.img");
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                for (int p = 0; p < block.pageCount(); p++) {
                    ch.write(block.page(p));
                }
            }
            RamDigest.BlockDigest expected = RamDigest.of(ram).blocks().get(0);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                assertThat(RamDigest.ofFile("mem0", ch, block.length())).isEqualTo(expected);
                ch.write(ByteBuffer.wrap(new byte[] {(byte) ~block.page(1000).get(17)}), 1000L * 4096 + 17);
                assertThat(RamDigest.ofFile("mem0", ch, block.length())).isNotEqualTo(expected);
                assertThatThrownBy(() -> RamDigest.ofFile("mem0", ch, block.length() + 4096)).hasMessageContaining("holds");
            }
        }
    }

    private static GuestRam guest(int bytes) {
        RamSpec spec = new RamSpec(List.of(new BlockSpec("mem0", bytes)), 4096, 0.0, 0.0, 1, Layout.RUNS, Content.RANDOM, 3);
        return RamImage.create(spec, RamImage.dirtyLog(spec));
    }

    /** one byte changed anywhere (the last, shorter 64 KiB included), or two pages swapped: another digest */
    @Test
    void everyByteAndEveryPagesPlaceCounts() {
        try (GuestRam ram = guest((1 << 20) + 3 * 4096)) {
            RamBlock block = ram.block("mem0");
            String before = RamDigest.of(ram).blocks().get(0).hex();
            for (long at : new long[] {0, 65535, 65536, 700_001, block.length() - 1}) {
                ByteBuffer page = block.page((int) (at / 4096));
                int i = (int) (at % 4096);
                byte was = page.get(i);
                page.put(i, (byte) (was ^ 0x01));
                assertThat(RamDigest.of(ram).blocks().get(0).hex()).as("byte %d flipped", at).isNotEqualTo(before);
                page.put(i, was);
            }
            assertThat(RamDigest.of(ram).blocks().get(0).hex()).isEqualTo(before);
            ByteBuffer a = ByteBuffer.allocate(4096).put(block.page(3)).flip();
            block.page(3).put(block.page(40));
            block.page(40).put(a);
            assertThat(RamDigest.of(ram).blocks().get(0).hex()).as("pages 3 and 40 swapped").isNotEqualTo(before);
        }
    }

    /**
     * A page of one repeated byte where another belongs (a page left at its 0xEE poison, a zero page
     * where a uniform one belongs) is caught for every pair of bytes and wherever the page lies in its
     * 64 KiB: the claim in RamDigest's comment, checked rather than argued.
     */
    @Test
    void aPageOfOneRepeatedByteInPlaceOfAnotherIsAlwaysCaught() {
        try (GuestRam ram = guest(64 << 10)) {
            RamBlock block = ram.block("mem0");
            for (int p = 0; p < block.pageCount(); p++) {
                fill(block.page(p), (byte) 0);
            }
            String zeros = RamDigest.of(ram).blocks().get(0).hex();
            for (int p : new int[] {0, 7, 15}) {
                for (int b = 1; b < 256; b++) {
                    fill(block.page(p), (byte) b);
                    assertThat(RamDigest.of(ram).blocks().get(0).hex()).as("page %d of byte %d", p, b).isNotEqualTo(zeros);
                }
                fill(block.page(p), (byte) 0);
            }
        }
    }

    private static void fill(ByteBuffer page, byte b) {
        for (int i = 0; i < page.capacity(); i++) {
            page.put(i, b);
        }
    }
}
