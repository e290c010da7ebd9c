package workbench.harness.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import workbench.harness.io.MultifdPackets;
import workbench.harness.io.ShortReadChannel;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBlock;
import workbench.workloads.ram.RamSpec;

/** One multifd channel read into RAM, on packets built by hand. */
class MultifdChannelReaderTest {
    @Test
    void aPageNamedTwiceInOnePacketLandsTwiceInsteadOfStallingTheChannel() throws Exception {
        try (GuestRam ram = GuestRam.allocate(RamSpec.evenBlocks(1 << 20, 1, 4096), 4096)) {
            RamBlock block = ram.blocks().get(0);
            ByteBuffer header = MultifdPackets.newHeader();
            header.putInt(8, 0).putInt(16, 2).putInt(20, 2 * 4096).putLong(24, 0);
            byte[] name = block.name().getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < name.length; i++) {
                header.put(MultifdPackets.RAMBLOCK_AT + i, name[i]);
            }
            header.putLong(MultifdPackets.OFFSETS_AT, 4096).putLong(MultifdPackets.OFFSETS_AT + Long.BYTES, 4096);
            byte[] stream = new byte[MultifdPackets.HEADER_BYTES + 2 * 4096];
            header.get(0, stream, 0, MultifdPackets.HEADER_BYTES);
            Arrays.fill(stream, MultifdPackets.HEADER_BYTES, MultifdPackets.HEADER_BYTES + 4096, (byte) 0xAA);
            Arrays.fill(stream, MultifdPackets.HEADER_BYTES + 4096, stream.length, (byte) 0xBB);
            // scattering reads of at most 3000 bytes, as a socket hands them out
            MultifdChannelReader reader = new MultifdChannelReader(0, new ShortReadChannel(stream, 3000, 7), ram, new MultifdSync(1));
            assertTimeoutPreemptively(Duration.ofSeconds(5), reader::read,
                    "the two slots shared one page buffer: the second found it full and the read waited for room forever");
            assertThat(reader.pages()).isEqualTo(2);
            ByteBuffer page = block.pageView(1);
            byte[] landed = new byte[4096];
            page.get(landed);
            assertThat(landed).as("the later copy wins, as in QEMU's receiver").containsOnly((byte) 0xBB);
        }
    }
}
