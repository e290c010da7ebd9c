package workbench.harness.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamBlock;

/**
 * QEMU 7.2 is the oracle of the ZERO dup policy: decode each fixture, re-encode its RAM with our
 * encoder (DupPolicy.ZERO, every page dirty), and the RAM records must be QEMU's, one for one:
 * the offset|flags word (so CONTINUE too), whether the idstr was sent, the fill byte or the page
 * bytes. Only the section boundaries differ (QEMU split one fixture into 43 PARTs; we send one).
 */
class ZeroPolicyOracleTest {
    static final List<String> FIXTURES = Fixtures.ALL;

    /** one RAM record; a heap ByteBuffer compares by content */
    record Rec(long word, boolean named, int fill, ByteBuffer page) {
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void ourRecordsAreQemus(String name) throws Exception {
        List<Rec> qemu = new ArrayList<>();
        Decoded decoded = Fixtures.decoder(Fixtures.bytes(name), Fixtures.allocating(), collect(qemu)).decode();
        GuestRam ram = decoded.ram();

        DirtyLog all = DirtyLog.all(ram.blocks().stream().map(RamBlock::pageCount).toList());
        byte[] ours = Encoding.encode(ram, all, DupPolicy.ZERO);
        List<Rec> mine = new ArrayList<>();
        Decoded again = Fixtures.decoder(ours, Fixtures.allocating(), collect(mine)).decode();

        assertThat(again.ram().layout()).isEqualTo(ram.layout());
        assertThat(mine).hasSameSizeAs(qemu);
        for (int i = 0; i < qemu.size(); i++) {
            assertThat(mine.get(i)).as("record %d of %d", i, qemu.size()).isEqualTo(qemu.get(i));
        }
        assertThat(again.records()).isEqualTo(decoded.records());
    }

    private static RamRecordListener collect(List<Rec> into) {
        return (word, named, fill, page) -> {
            ByteBuffer copy = null;
            if (fill < 0) {
                copy = ByteBuffer.allocate(page.capacity());
                copy.put(page.duplicate().clear()).flip();
            }
            into.add(new Rec(word, named, fill, copy));
        };
    }
}
