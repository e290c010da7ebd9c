package workbench.harness.stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import workbench.harness.io.PageTable;
import workbench.workloads.dirty.DirtyLog;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.BlockSpec;
import workbench.workloads.ram.GuestRam;

/** The encoder writes only what the x86 QEMU format can carry. */
class StreamEncoderTest {

    @Test
    void refusesPagesOtherThan4KiB() {
        for (int pageSize : new int[] {512, 2048, 8192}) {
            GuestRam ram = GuestRam.allocate(List.of(new BlockSpec("mem0", 64 * 1024)), pageSize);
            DirtyLog dirty = DirtyLog.all(List.of(64 * 1024 / pageSize));
            assertThatThrownBy(() -> new StreamEncoder(new PageTable(ram), dirty, DupPolicy.ZERO))
                    .as("page size %d", pageSize)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("4096");
        }
    }

    @Test
    void refusesADirtyLogOfOtherBlockSizes() {
        GuestRam ram = GuestRam.allocate(List.of(new BlockSpec("mem0", 8 * 4096)), 4096);
        assertThatThrownBy(() -> new StreamEncoder(new PageTable(ram), DirtyLog.all(List.of(4)), DupPolicy.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mem0");
    }
}
