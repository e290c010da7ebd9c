package workbench.reports.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import workbench.reports.model.Manifest;
import workbench.reports.model.Run;
import workbench.reports.model.StubRun;

class RunSetTest {
    @Test
    void settingsThatDifferNameTheGroups() {
        Run a = with(StubRun.create(), "a", Map.of("dup-policy", "zero"), Map.of("java", "17"));
        Run b = with(StubRun.create(), "b", Map.of("dup-policy", "uniform"), Map.of("java", "21"));
        RunSet set = RunSet.of(List.of(a, b), RunSet.RamCheck.REJECT);
        assertThat(set.differing()).containsExactly("dup-policy", "java");
        assertThat(set.members()).extracting(RunSet.Member::group)
                .containsExactly("dup-policy=zero, java=17", "dup-policy=uniform, java=21");
        assertThat(set.warnings()).isEmpty();
    }

    @Test
    void runsAlikeInEverySettingAreNamedByRunId() {
        RunSet set = RunSet.of(List.of(with(StubRun.create(), "one", Map.of(), Map.of()),
                with(StubRun.create(), "two", Map.of(), Map.of())), RunSet.RamCheck.REJECT);
        assertThat(set.differing()).isEmpty();
        assertThat(set.members()).extracting(RunSet.Member::group).containsExactly("one", "two");
    }

    @Test
    void differentRamIsRefusedOrKeptWithAWarning() {
        Run small = with(StubRun.create(), "s", Map.of("ram", "512M"), Map.of());
        Run large = with(StubRun.create(), "l", Map.of("ram", "1G"), Map.of());
        assertThatThrownBy(() -> RunSet.of(List.of(small, large), RunSet.RamCheck.REJECT))
                .isInstanceOf(IncomparableRunsException.class).hasMessageContaining("ram: 512M vs 1G")
                .hasMessageNotContaining("\n");
        RunSet set = RunSet.of(List.of(small, large), RunSet.RamCheck.WARN);
        assertThat(set.ramDifferences()).containsExactly("ram: 512M vs 1G");
        assertThat(set.warnings()).singleElement().asString().contains("not comparable", "--allow-different-ram");
    }

    @Test
    void objectValuesCompareWhateverTheirKeyOrder() {
        Map<String, Object> nameFirst = new LinkedHashMap<>();
        nameFirst.put("name", "mem0");
        nameFirst.put("length", 16777216);
        Map<String, Object> lengthFirst = new LinkedHashMap<>();
        lengthFirst.put("length", 16777216);
        lengthFirst.put("name", "mem0");
        RunSet set = RunSet.of(List.of(with(StubRun.create(), "a", Map.of("blocks", List.of(nameFirst)), Map.of()),
                with(StubRun.create(), "b", Map.of("blocks", List.of(lengthFirst)), Map.of())), RunSet.RamCheck.REJECT);
        assertThat(set.ramDifferences()).isEmpty();
        assertThat(Manifest.text(List.of(nameFirst))).isEqualTo("{length=16777216, name=mem0}");
    }

    /** the stub run with its configuration and environment replaced by the given ones on top of its own */
    static Run with(Run run, String id, Map<String, Object> configuration, Map<String, String> environment) {
        Map<String, Object> c = new LinkedHashMap<>(run.manifest().configuration());
        c.putAll(configuration);
        Map<String, String> e = new LinkedHashMap<>(run.manifest().environment());
        e.putAll(environment);
        Manifest m = new Manifest(run.manifest().commandLine(), run.manifest().workbench(), run.manifest().seed(), c, e);
        return new Run(run.schema(), id, m, run.trials(), run.complete(), null);
    }
}
