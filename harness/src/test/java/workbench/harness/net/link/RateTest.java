package workbench.harness.net.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RateTest {

    @ParameterizedTest
    @CsvSource({
        "800kbit, 800000, 800 kbit/s, 800kbit",
        "100mbit, 100000000, 100 Mbit/s, 100mbit",
        "1gbit, 1000000000, 1 Gbit/s, 1gbit",
        "2.5gbit, 2500000000, 2.5 Gbit/s, 2.5gbit",
        "2500mbit, 2500000000, 2.5 Gbit/s, 2.5gbit",
        "10GBIT, 10000000000, 10 Gbit/s, 10gbit",
        "999bit, 999, 999 bit/s, 999bit",
        "1.5tbit, 1500000000000, 1.5 Tbit/s, 1.5tbit",
        "0.25mbit, 250000, 250 kbit/s, 250kbit",
    })
    void parsesDecimalBits(String text, long bits, String human, String spec) {
        Rate rate = Rate.parse(text);
        assertThat(rate.bitsPerSecond()).isEqualTo(bits);
        assertThat(rate).hasToString(human);
        assertThat(rate.spec()).isEqualTo(spec);
        assertThat(Rate.parse(rate.spec())).isEqualTo(rate);
        assertThat(rate.tcArgument()).isEqualTo(bits + "bit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1g", "fast", "1 gbyte", "-1gbit", "1,5gbit", "gbit", "1.5bit", "0gbit", "99999999tbit"})
    void rejectsOtherFormsNamingTheAcceptedOnes(String text) {
        assertThatThrownBy(() -> Rate.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad rate '" + text + "'")
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1g", "fast"})
    void theMessageListsTheForms(String text) {
        assertThatThrownBy(() -> Rate.parse(text)).hasMessageContaining("kbit, mbit, gbit").hasMessageContaining("2.5gbit");
    }

    @org.junit.jupiter.api.Test
    void zeroIsUnshaped() {
        assertThat(Rate.UNSHAPED.unshaped()).isTrue();
        assertThat(Rate.UNSHAPED).hasToString("unshaped");
        assertThatThrownBy(() -> Rate.parse("0gbit")).hasMessageContaining("leave the rate out");
    }
}
