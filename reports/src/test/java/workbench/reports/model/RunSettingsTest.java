package workbench.reports.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import workbench.reports.Golden;

class RunSettingsTest {
    private static RunSettings sweep(Rounds rounds) {
        RamSettings ram = new RamSettings(List.of(512L << 20, 8L << 30), 2, 4096, List.of(0.034, 0.5), List.of(0.0),
                List.of(1.0, 0.25), "scattered", "random", 2010, "uniform");
        return new RunSettings(ram, List.of("loopback", "link:gbe"), List.of("vectored", "scalar"), rounds,
                StatisticsSettings.DEFAULT, List.of(
                        new Setting("batch", SettingKind.INTEGER, "vectored", List.of("32", "128")),
                        Setting.of("sndbuf", SettingKind.SIZE, "sender", "auto"),
                        Setting.of("rcvbuf", SettingKind.SIZE, "receiver", "33554432")));
    }

    @Test
    void textsComeInTheirStableOrderLocaleFree() {
        List<Map<String, String>> texts = new ArrayList<>();
        Golden.underGermanLocale(() -> {
            texts.add(sweep(new Rounds(10, 2, OptionalDouble.of(0.025), 50)).texts());
            texts.add(sweep(Rounds.fixed(10, 2)).texts());
        });
        assertThat(texts.get(0)).containsExactly(
                Map.entry("ram", "536870912,8589934592"), Map.entry("blocks", "2"), Map.entry("page-size", "4096"),
                Map.entry("dup", "0.034,0.5"), Map.entry("uniform", "0.0"), Map.entry("dirty", "1.0,0.25"),
                Map.entry("layout", "scattered"), Map.entry("content", "random"), Map.entry("seed", "2010"),
                Map.entry("dup-policy", "uniform"), Map.entry("strategies", "vectored,scalar"),
                Map.entry("net", "loopback,link:gbe"), Map.entry("trials", "10"), Map.entry("warmup", "2"),
                Map.entry("ci-target", "0.025"), Map.entry("max-trials", "50"),
                Map.entry("batch", "32,128"), Map.entry("sndbuf", "auto"), Map.entry("rcvbuf", "33554432"));
        assertThat(texts.get(1).keySet()).doesNotContain("ci-target", "max-trials").endsWith("warmup", "batch", "sndbuf",
                "rcvbuf");
    }

    @Test
    void entriesAreFoundByNameAndKnowWhenSwept() {
        RunSettings s = sweep(Rounds.fixed(10, 2));
        assertThat(s.entry("batch")).hasValueSatisfying(b -> {
            assertThat(b.swept()).isTrue();
            assertThat(b.text()).isEqualTo("32,128");
        });
        assertThat(s.entry("sndbuf")).hasValueSatisfying(b -> assertThat(b.swept()).isFalse());
        assertThat(s.entry("ram")).as("core settings are not entries").isEmpty();
        assertThat(s.entry("nope")).isEmpty();
    }

    @Test
    void anEntryMayNotRepeatANameOrShadowTheCore() {
        RunSettings s = sweep(Rounds.fixed(10, 2));
        assertThatThrownBy(() -> new RunSettings(s.ram(), s.networks(), s.strategies(), s.rounds(), s.statistics(),
                List.of(Setting.of("trials", SettingKind.INTEGER, "run", "3")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RunSettings(s.ram(), s.networks(), s.strategies(), s.rounds(), s.statistics(),
                List.of(Setting.of("batch", SettingKind.INTEGER, "vectored", "3"),
                        Setting.of("batch", SettingKind.INTEGER, "vectored", "4")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Setting("x", SettingKind.TEXT, "run", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theManifestsSeedIsTheRamSeed() {
        Manifest m = new Manifest("run", "test", sweep(Rounds.fixed(1, 0)), Map.of());
        assertThat(m.seed()).isEqualTo(2010);
        assertThat(m.rerunCommand()).startsWith("java -jar workbench.jar run --ram ").contains(" --seed 2010 ");
    }

    @Test
    void aSeriesOnTheNullNetworkIsUnverifiedUnlessToldOtherwise() {
        assertThat(SeriesKey.of("scalar", "null").role()).isEqualTo(SeriesRole.UNVERIFIED);
        assertThat(SeriesKey.of("scalar", "loopback").role()).isEqualTo(SeriesRole.STRATEGY);
        SeriesKey baseline = new SeriesKey("qemu", "loopback", SeriesRole.BASELINE, Map.of("batch", "8"));
        assertThat(baseline.withStrategy("scalar").role()).isEqualTo(SeriesRole.BASELINE);
        assertThat(baseline.label()).isEqualTo("loopback qemu batch=8");
        assertThat(SeriesRole.CEILING.description()).isNotBlank();
    }
}
