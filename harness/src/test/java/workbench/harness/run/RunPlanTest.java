package workbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.WriteStrategy;
import workbench.harness.net.Network;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.RamSpec;

class RunPlanTest {
    private static final RamSpec RAM = new RamSpec(RamSpec.evenBlocks(1 << 20, 1, 4096), 4096, 0, 0, 1, Layout.SCATTERED,
            Content.RANDOM, 1);

    private static Variant variant(int batch, int scalarBuffer, Map<String, String> params) {
        return new Variant(RAM, SinkOptions.of(scalarBuffer, batch), 32 << 10, SocketOptions.KERNEL, params);
    }

    @Test
    void aSweepAStrategyIgnoresDoesNotSplitItsSeries() {
        List<Variant> variants = List.of(variant(8, 32 << 10, Map.of("batch", "8")), variant(64, 32 << 10, Map.of("batch", "64")));
        RunPlan plan = new RunPlan(variants, DupPolicy.ZERO, List.of(WriteStrategy.SCALAR, WriteStrategy.VECTORED),
                List.of(new Network.Loopback(), new Network.Null()), Optional.empty(), Optional.empty(), 1, 0, Path.of("x"),
                Optional.empty(), "t", Map.of(), java.util.OptionalDouble.empty(), 1);
        List<SeriesPlan> series = plan.series();
        assertThat(series.stream().map(s -> s.key().label())).containsExactly(
                "loopback scalar", "loopback vectored batch=8", "loopback vectored batch=64",
                "null scalar", "null vectored batch=8", "null vectored batch=64");
        assertThat(plan.rams()).hasSize(1);
    }
}
