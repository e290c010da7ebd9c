package workbench.harness.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class Iperf3Test {
    @Test
    void readsTheReceiverSideTimeAndBothSidesCpuFromARealReport() throws IOException {
        String json;
        try (InputStream in = Iperf3Test.class.getResourceAsStream("iperf3-loopback.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Measured m = Iperf3.parse(json);
        // iperf3 3.12 -c 127.0.0.1 -l 1M -n 100M -J on this machine
        assertThat(m.sentBytes()).isEqualTo(104_857_600L);
        assertThat(m.receivedBytes()).isEqualTo(104_857_600L);
        assertThat(m.receiveSecondsFor(52_428_800L)).isEqualTo(0.014382 / 2);
        assertThat(m.sendSeconds()).isEqualTo(0.014267);
        assertThat(m.receiveSeconds()).isEqualTo(0.014382);
        assertThat(m.sender().process()).isCloseTo(0.9679 * 0.014267, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(m.receiver().process()).isCloseTo(0.6681 * 0.014382, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void anErrorReportIsAnIoErrorWithIperf3sWords() {
        assertThatThrownBy(() -> Iperf3.parse("{\"start\":{},\"end\":{},\"error\":\"unable to connect to server\"}"))
                .isInstanceOf(IOException.class).hasMessage("iperf3: unable to connect to server");
    }

    @Test
    void movesExactlyTheBytesAskedForOnLoopback() throws IOException {
        assumeThat(Iperf3.installed()).as("iperf3 is installed").isTrue();
        Measured m = new Iperf3(List.of(), List.of(), "127.0.0.1", false).measure(8 << 20);
        assertThat(m.sentBytes()).isEqualTo(8 << 20);
        assertThat(m.receivedBytes()).isBetween(1L, 8L << 20);
        assertThat(m.receiveSeconds()).isPositive();
    }
}
