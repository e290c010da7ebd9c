package workbench.harness.net.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShapingTest {

    @Test
    void unshapedLinksHaveNoTbf() {
        assertThat(Shaping.of(LinkProfile.IPOIB)).isEmpty();
    }

    @Test
    void burstIsFourMillisecondsOfRate() {
        assertThat(Shaping.of(LinkProfile.GBE).orElseThrow().tcArguments())
                .containsExactly("rate", "1000000000bit", "burst", "500000", "latency", "5ms");
        assertThat(Shaping.of(LinkProfile.TEN_GBE).orElseThrow().burstBytes()).isEqualTo(5_000_000);
        assertThat(Shaping.of(LinkProfile.IPOIB_SDR).orElseThrow().burstBytes()).isEqualTo(4_000_000);
    }

    @Test
    void slowLinksStillHoldTwoGsoPackets() {
        assertThat(Shaping.of(LinkProfile.parse("link:rate=200mbit")).orElseThrow().burstBytes()).isEqualTo(131_072);
        assertThat(Shaping.of(LinkProfile.parse("link:rate=800kbit,mtu=65535")).orElseThrow().burstBytes()).isEqualTo(2 * (65_535 + 14));
    }
}
