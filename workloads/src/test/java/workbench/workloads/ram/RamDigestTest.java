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
}
