package workbench.workloads.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class DupPolicyTest {
    private static ByteBuffer page(int fill) {
        ByteBuffer b = ByteBuffer.allocateDirect(4096);
        for (int i = 0; i < 4096; i++) {
            b.put(i, (byte) fill);
        }
        return b;
    }

    @Test
    void zeroPolicyTakesOnlyAllZeroPages() {
        assertThat(DupPolicy.ZERO.dupFill(page(0))).isEqualTo(0);
        assertThat(DupPolicy.ZERO.dupFill(page(0xAB))).isEqualTo(-1);
    }

    @Test
    void uniformPolicyTakesAnyRepeatedByte() {
        assertThat(DupPolicy.UNIFORM.dupFill(page(0))).isEqualTo(0);
        assertThat(DupPolicy.UNIFORM.dupFill(page(0xAB))).isEqualTo(0xAB);
    }

    @Test
    void oneDifferentByteAnywhereMakesAPageNodup() {
        for (int at : new int[] {0, 1, 7, 8, 2048, 4095}) {
            ByteBuffer p = page(0);
            p.put(at, (byte) 1);
            assertThat(DupPolicy.ZERO.dupFill(p)).as("byte %d", at).isEqualTo(-1);
            assertThat(DupPolicy.UNIFORM.dupFill(p)).as("byte %d", at).isEqualTo(-1);
        }
    }
}
