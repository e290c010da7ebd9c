package workbench.reports.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import workbench.reports.model.Manifest;
import workbench.reports.model.RamSettings;
import workbench.reports.model.Run;
import workbench.reports.model.RunSettings;
import workbench.reports.model.StubRun;

class RunSetTest {
    @Test
    void settingsThatDifferNameTheGroups() {
        Run a = with(StubRun.create(), "a", dupPolicy("zero"), Map.of("java", "17"));
        Run b = with(StubRun.create(), "b", dupPolicy("uniform"), Map.of("java", "21"));
        RunSet set = RunSet.of(List.of(a, b), RunSet.RamCheck.REJECT);
        assertThat(set.differing()).containsExactly("dup-policy", "java");
        assertThat(set.naming()).as("an option the user set names the groups, a machine fact does not").containsExactly("dup-policy");
        assertThat(set.members()).extracting(RunSet.Member::group).containsExactly("dup-policy=zero", "dup-policy=uniform");
        assertThat(set.warnings()).isEmpty();
    }

    @Test
    void withoutADifferingOptionAShortMachineFactNamesTheGroupsAndNetworkDescriptionsNever() {
        Run a = with(StubRun.create(), "a", UnaryOperator.identity(), Map.of("java", "17", "network.loopback", "TCP over 127.0.0.1 (lo)"));
        Run b = with(StubRun.create(), "b", UnaryOperator.identity(), Map.of("java", "21", "network.loopback", "TCP over 127.0.0.1 (eth0)"));
        RunSet set = RunSet.of(List.of(a, b), RunSet.RamCheck.REJECT);
        assertThat(set.differing()).containsExactly("java", "network.loopback");
        assertThat(set.members()).extracting(RunSet.Member::group).containsExactly("java=17", "java=21");
        Run c = with(StubRun.create(), "c", UnaryOperator.identity(), Map.of("network.loopback", "x"));
        Run d = with(StubRun.create(), "d", UnaryOperator.identity(), Map.of("network.loopback", "y"));
        assertThat(RunSet.of(List.of(c, d), RunSet.RamCheck.REJECT).members()).extracting(RunSet.Member::group)
                .containsExactly("c", "d");
    }

    @Test
    void runsAlikeInEverySettingAreNamedByRunId() {
        RunSet set = RunSet.of(List.of(with(StubRun.create(), "one", UnaryOperator.identity(), Map.of()),
                with(StubRun.create(), "two", UnaryOperator.identity(), Map.of())), RunSet.RamCheck.REJECT);
        assertThat(set.differing()).isEmpty();
        assertThat(set.members()).extracting(RunSet.Member::group).containsExactly("one", "two");
    }

    @Test
    void differentRamIsRefusedOrKeptWithAWarning() {
        Run small = with(StubRun.create(), "s", ram(512L << 20), Map.of());
        Run large = with(StubRun.create(), "l", ram(1L << 30), Map.of());
        assertThatThrownBy(() -> RunSet.of(List.of(small, large), RunSet.RamCheck.REJECT))
                .isInstanceOf(IncomparableRunsException.class).hasMessageContaining("ram: 536870912 vs 1073741824")
                .hasMessageNotContaining("\n");
        RunSet set = RunSet.of(List.of(small, large), RunSet.RamCheck.WARN);
        assertThat(set.ramDifferences()).containsExactly("ram: 536870912 vs 1073741824");
        assertThat(set.warnings()).singleElement().asString().contains("not comparable", "--allow-different-ram");
    }

    @Test
    void everyRamNameRefusesAndNoOtherSettingDoes() {
        assertThat(RunSettings.RAM_NAMES).containsExactly("ram", "blocks", "page-size", "dup", "uniform", "dirty",
                "layout", "content", "seed");
        Run a = with(StubRun.create(), "a", UnaryOperator.identity(), Map.of());
        Run seeded = with(StubRun.create(), "b", s -> new RunSettings(ramWith(s.ram(), 43), s.networks(),
                s.strategies(), s.rounds(), s.statistics(), s.entries()), Map.of());
        assertThatThrownBy(() -> RunSet.of(List.of(a, seeded), RunSet.RamCheck.REJECT))
                .isInstanceOf(IncomparableRunsException.class).hasMessageContaining("seed: 42 vs 43");
        Run fewerTrials = with(StubRun.create(), "c", s -> new RunSettings(s.ram(), s.networks(), s.strategies(),
                workbench.reports.model.Rounds.fixed(5, 2), s.statistics(), s.entries()), Map.of());
        assertThat(RunSet.of(List.of(a, fewerTrials), RunSet.RamCheck.REJECT).differing()).containsExactly("trials");
    }

    /** a checkpoint run (its manifest says so) of one trial of 101 checkpoints per strategy, vectored's latencies scaled */
    static Run checkpointRun(String id, double vectored) {
        Run stub = StubRun.create();
        Run run = new Run(stub.schema(), id, stub.manifest(), List.of(
                workbench.reports.stats.LatencyComparisonTest.checkpoints(0, "scalar",
                        workbench.reports.stats.LatencyComparisonTest.millis(101, 1)),
                workbench.reports.stats.LatencyComparisonTest.checkpoints(0, "vectored",
                        workbench.reports.stats.LatencyComparisonTest.millis(101, vectored))), true, null);
        return with(run, id, workload("checkpoint"), Map.of());
    }

    static UnaryOperator<RunSettings> workload(String workload) {
        return s -> {
            List<workbench.reports.model.Setting> entries = new java.util.ArrayList<>(s.entries());
            entries.add(workbench.reports.model.Setting.of(RunSet.WORKLOAD_SETTING, workbench.reports.model.SettingKind.ENUM,
                    "sender", workload));
            return new RunSettings(s.ram(), s.networks(), s.strategies(), s.rounds(), s.statistics(), entries);
        };
    }

    @Test
    void runsOfDifferentWorkloadsAreRefusedWithTheReasonInOneLine() {
        Run bulk = StubRun.create();
        Run ckpt = checkpointRun("c", 0.5);
        assertThatThrownBy(() -> RunSet.of(List.of(bulk, ckpt), RunSet.RamCheck.WARN))
                .isInstanceOf(IncomparableRunsException.class)
                .hasMessageStartingWith("the runs' workloads differ (bulk vs checkpoint): ")
                .hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(((IncomparableRunsException) e).fix()).isEqualTo("compare runs of one --workload"));
        assertThat(RunSet.workload(bulk)).isEqualTo("bulk");
        assertThat(CompareTables.checkpoints(RunSet.of(List.of(bulk, StubRun.create()), RunSet.RamCheck.REJECT))).isEmpty();
    }

    @Test
    void checkpointRunsLayTheirLatencyTablesSideBySideEachRowLedByItsGroup() {
        RunSet set = RunSet.of(List.of(checkpointRun("a", 0.5), checkpointRun("b", 0.25)), RunSet.RamCheck.REJECT);
        workbench.reports.table.Table t = CompareTables.checkpoints(set).orElseThrow();
        assertThat(t.header().subList(0, 3)).containsExactly("group", "network", "strategy");
        assertThat(t.rows()).extracting(r -> r.get(0) + " " + r.get(2) + " " + r.get(5).split(" ")[0])
                .containsExactly("a scalar 51.00", "a vectored 25.50", "b scalar 51.00", "b vectored 12.75");
        assertThat(CompareTables.precopy(set)).isEmpty();
    }

    /** the stub run with its settings changed and its environment extended */
    static Run with(Run run, String id, UnaryOperator<RunSettings> change, Map<String, String> environment) {
        Map<String, String> e = new LinkedHashMap<>(run.manifest().environment());
        e.putAll(environment);
        Manifest m = new Manifest(run.manifest().commandLine(), run.manifest().workbench(),
                change.apply(run.manifest().settings()), e);
        return new Run(run.schema(), id, m, run.trials(), run.complete(), null);
    }

    static UnaryOperator<RunSettings> ram(long bytes) {
        return s -> {
            RamSettings r = s.ram();
            return new RunSettings(new RamSettings(List.of(bytes), r.blocks(), r.pageSize(), r.dup(), r.uniform(),
                    r.dirty(), r.layout(), r.content(), r.seed(), r.dupPolicy()), s.networks(), s.strategies(),
                    s.rounds(), s.statistics(), s.entries());
        };
    }

    static UnaryOperator<RunSettings> dupPolicy(String policy) {
        return s -> {
            RamSettings r = s.ram();
            return new RunSettings(new RamSettings(r.sizes(), r.blocks(), r.pageSize(), r.dup(), r.uniform(),
                    r.dirty(), r.layout(), r.content(), r.seed(), policy), s.networks(), s.strategies(),
                    s.rounds(), s.statistics(), s.entries());
        };
    }

    private static RamSettings ramWith(RamSettings r, long seed) {
        return new RamSettings(r.sizes(), r.blocks(), r.pageSize(), r.dup(), r.uniform(), r.dirty(), r.layout(),
                r.content(), seed, r.dupPolicy());
    }
}
