package workbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import workbench.harness.io.SinkOptions;
import workbench.harness.net.Network;
import workbench.harness.trial.BaselineSeries;
import workbench.harness.trial.SeriesPlan;
import workbench.harness.strategy.Strategies;
import workbench.harness.strategy.WriteStrategy;
import workbench.harness.trial.SocketOptions;
import workbench.harness.trial.StrategySeries;
import workbench.harness.trial.Variant;
import workbench.reports.model.SeriesRole;

class RunPlanTest {
    private static Variant variant(int batch, Map<String, String> params) {
        return new Variant(Plans.RAM, SinkOptions.of(32 << 10, batch), 32 << 10, SocketOptions.KERNEL, params);
    }

    @Test
    void aSweepAStrategyIgnoresDoesNotSplitItsSeries() {
        List<Variant> variants = List.of(variant(8, Map.of("batch", "8")), variant(64, Map.of("batch", "64")));
        RunPlan plan = Plans.plan(variants, List.of(new Network.Loopback(), new Network.Null()), 1, 0);
        List<SeriesPlan> series = plan.series();
        assertThat(series.stream().map(s -> s.key(SeriesRole.STRATEGY).label())).containsExactly(
                "loopback scalar", "loopback vectored batch=8", "loopback vectored batch=64",
                "null scalar", "null vectored batch=8", "null vectored batch=64");
        assertThat(plan.rams()).hasSize(1);
    }

    @Test
    void aBaselineRunsOncePerNetworkThatHasACeilingAndNoStrategySettingSplitsIt() {
        List<Variant> variants = List.of(variant(8, Map.of("batch", "8")), variant(64, Map.of("batch", "64")));
        RunPlan plan = Plans.plan(variants, List.of(new Network.Loopback(), new Network.Unix(), new Network.Null()), 1, 0,
                java.util.OptionalDouble.empty(), 1, java.nio.file.Path.of("unused"), List.of("iperf3", "iperf3-z"));
        List<SeriesPlan> references = plan.series().stream().filter(s -> s instanceof BaselineSeries).toList();
        assertThat(references).extracting(s -> s.key(SeriesRole.CEILING).label())
                .containsExactly("loopback iperf3", "loopback iperf3-z"); // no iperf3 over a Unix socket or into nothing
        assertThat(plan.series()).hasSize(3 * 3 + 2);
    }

    @Test
    void aStrategyListedAgainIsASeriesOfItsOwnForAnAaCheck() {
        RunPlan p = Plans.plan(List.of(variant(128, Map.of())), List.of(new Network.Loopback()), 1, 0);
        WriteStrategy vectored = Strategies.byName("vectored");
        RunPlan aa = new RunPlan(p.variants(), p.dupPolicy(), List.of(vectored, vectored, Strategies.byName("scalar")),
                p.networks(), p.bind(), p.token(), p.trials(), p.warmup(), p.out(), p.saveStream(), p.commandLine(),
                p.settings(), p.ciTarget(), p.maxTrials(), p.backing(), p.baselines(), p.pin(), p.forks(), p.onFailure());
        assertThat(aa.series()).extracting(s -> s.key(SeriesRole.STRATEGY).label())
                .containsExactly("loopback vectored", "loopback vectored#2", "loopback scalar");
        StrategySeries second = (StrategySeries) aa.series().get(1);
        assertThat(second.name()).isEqualTo("vectored#2");
        // the name travels to a sender agent and back to the same series
        assertThat(StrategySeries.named(second.network(), "vectored#2", 0, second.variant())).isEqualTo(second);
        assertThatThrownBy(() -> StrategySeries.named(second.network(), "vectored#1", 0, second.variant()))
                .hasMessageContaining("not a strategy listing");
    }
}
