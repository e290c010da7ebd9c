package workbench.harness.net.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkProfileTest {

    @Test
    void presetsAreThoseOfTheDesign() {
        assertThat(LinkProfile.parse("link:gbe")).isEqualTo(new LinkProfile("gbe", 1_000_000_000L, 1500, Optional.empty()));
        assertThat(LinkProfile.parse("link:10gbe")).isEqualTo(new LinkProfile("10gbe", 10_000_000_000L, 9000, Optional.empty()));
        assertThat(LinkProfile.parse("link:ipoib")).isEqualTo(new LinkProfile("ipoib", 0, 65520, Optional.empty()));
        assertThat(LinkProfile.parse("link:ipoib-sdr")).isEqualTo(new LinkProfile("ipoib-sdr", 8_000_000_000L, 65520, Optional.empty()));
        assertThat(LinkProfile.presets()).extracting(LinkProfile::label)
                .containsExactly("link:gbe", "link:10gbe", "link:ipoib", "link:ipoib-sdr");
    }

    @Test
    void customSpec() {
        LinkProfile p = LinkProfile.parse("link:rate=2.5gbit,mtu=9000,cc=reno");
        assertThat(p.rateBitsPerSecond()).isEqualTo(2_500_000_000L);
        assertThat(p.mtu()).isEqualTo(9000);
        assertThat(p.congestionControl()).contains(CongestionControl.RENO);
        assertThat(p.label()).isEqualTo("link:rate=2.5gbit,mtu=9000,cc=reno");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "link:rate=2500mbit,cc=BBR,mtu=9000 | link:rate=2.5gbit,mtu=9000,cc=bbr",
        "link:rate=200mbit                  | link:rate=200mbit,mtu=1500",
        "link:mtu=65520                     | link:mtu=65520",
        "link:cc=cubic                      | link:mtu=1500,cc=cubic",
        "LINK:GBE                           | link:gbe",
        "link:gbe,cc=reno                   | link:gbe,cc=reno",
        "link:10gbe,mtu=1500                | link:10gbe,mtu=1500",
        "link:ipoib,rate=8gbit              | link:ipoib,rate=8gbit",
        " link: rate=1gbit , mtu=1500       | link:rate=1gbit,mtu=1500",
    })
    void labelsAreCanonicalAndParseBack(String spec, String label) {
        LinkProfile p = LinkProfile.parse(spec);
        assertThat(p.label()).isEqualTo(label);
        assertThat(LinkProfile.parse(p.label())).isEqualTo(p);
    }

    @Test
    void presetOverridesKeepTheRest() {
        LinkProfile p = LinkProfile.parse("link:10gbe,cc=reno");
        assertThat(p.rateBitsPerSecond()).isEqualTo(10_000_000_000L);
        assertThat(p.mtu()).isEqualTo(9000);
        assertThat(p.congestionControl()).contains(CongestionControl.RENO);
        assertThat(LinkProfile.parse("link:cc=bbr").shaped()).isFalse();
    }

    @Test
    void descriptions() {
        assertThat(LinkProfile.GBE.description()).isEqualTo("1 Gbit/s tbf, MTU 1500, rate and MTU only (no delay or loss: netem is missing)");
        assertThat(LinkProfile.IPOIB.description()).isEqualTo("unshaped veth, MTU 65520, rate and MTU only (no delay or loss: netem is missing)");
        assertThat(LinkProfile.parse("link:rate=2.5gbit,mtu=9000,cc=reno").description())
                .isEqualTo("2.5 Gbit/s tbf, MTU 9000, congestion control reno, rate and MTU only (no delay or loss: netem is missing)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gbe                         | it does not start with 'link:'",
        "link:                       | nothing after 'link:'",
        "link:fast                   | unknown preset 'fast'",
        "link:rate=1gbit,,mtu=1500   | an empty item between commas",
        "link:rate=1gbit,gbe         | 'gbe' is not key=value",
        "link:speed=1gbit            | unknown key 'speed' (keys: rate, mtu, cc)",
        "link:rate=1gbit,rate=2gbit  | 'rate' is given twice",
        "link:rate=1g                | bad rate '1g'",
        "link:mtu=70000              | bad MTU '70000'",
        "link:mtu=9k                 | bad MTU '9k'",
        "link:mtu=67                 | bad MTU '67'",
        "link:cc=vegas               | unknown congestion control 'vegas': expected reno|bbr|cubic",
    })
    void badSpecsSayWhatAndListTheAcceptedForms(String spec, String what) {
        assertThatThrownBy(() -> LinkProfile.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad link spec '" + spec + "': ")
                .hasMessageContaining(what)
                .hasMessageContaining("accepted: link:gbe, link:10gbe, link:ipoib, link:ipoib-sdr, or link:rate=")
                .hasMessageNotContaining("\n");
    }

    @Test
    void theRecordGuardsItsValues() {
        assertThatThrownBy(() -> new LinkProfile("x", 0, 67, Optional.empty())).hasMessageContaining("MTU 67");
        assertThatThrownBy(() -> new LinkProfile("x", -1, 1500, Optional.empty())).hasMessageContaining("negative");
        assertThatThrownBy(() -> new LinkProfile(" ", 0, 1500, Optional.empty())).hasMessageContaining("name");
    }
}
