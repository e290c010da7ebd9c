package workbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import workbench.harness.io.SinkOptions;
import workbench.harness.net.Network;
import workbench.harness.trial.BaselineSeries;
import workbench.harness.trial.SeriesPlan;
import workbench.harness.trial.SocketOptions;
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
}
