package workbench.harness.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import workbench.harness.io.SinkOptions;
import workbench.harness.net.Network;
import workbench.harness.strategy.Strategies;
import workbench.harness.trial.SocketOptions;
import workbench.harness.trial.Variant;
import workbench.reports.model.RamSettings;
import workbench.reports.model.Rounds;
import workbench.reports.model.RunSettings;
import workbench.reports.model.StatisticsSettings;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.BackingChoice;
import workbench.workloads.ram.RamSpec;

/** Test plans: scalar and vectored on a small guest. */
final class Plans {
    static final RamSpec RAM = new RamSpec(RamSpec.evenBlocks(1 << 20, 1, 4096), 4096, 0, 0, 1, Layout.SCATTERED,
            Content.RANDOM, 1);

    private Plans() {
    }

    static Variant variant() {
        return new Variant(RAM, SinkOptions.of(32 << 10, 128), 32 << 10, SocketOptions.KERNEL, Map.of());
    }

    static RunPlan plan(List<Variant> variants, List<Network> networks, int trials, int warmup) {
        return plan(variants, networks, trials, warmup, OptionalDouble.empty(), trials, Path.of("unused"));
    }

    static RunPlan plan(List<Variant> variants, List<Network> networks, int trials, int warmup, OptionalDouble ciTarget,
                        int maxTrials, Path out) {
        return plan(variants, networks, trials, warmup, ciTarget, maxTrials, out, List.of());
    }

    static RunPlan plan(List<Variant> variants, List<Network> networks, int trials, int warmup, OptionalDouble ciTarget,
                        int maxTrials, Path out, List<String> baselines) {
        return plan(variants, networks, trials, warmup, ciTarget, maxTrials, out, baselines, 1);
    }

    static RunPlan plan(List<Variant> variants, List<Network> networks, int trials, int warmup, OptionalDouble ciTarget,
                        int maxTrials, Path out, List<String> baselines, int forks) {
        return plan(variants, networks, trials, warmup, ciTarget, maxTrials, out, baselines, forks, OnFailure.CONTINUE);
    }

    static RunPlan plan(List<Variant> variants, List<Network> networks, int trials, int warmup, OptionalDouble ciTarget,
                        int maxTrials, Path out, List<String> baselines, int forks, OnFailure onFailure) {
        Rounds rounds = new Rounds(trials, warmup, ciTarget, maxTrials);
        RunSettings settings = new RunSettings(new RamSettings(List.of(RAM.size()), 1, 4096, List.of(0.0), List.of(0.0),
                List.of(1.0), "scattered", "random", RAM.seed(), "zero"), networks.stream().map(Network::label).toList(),
                List.of("scalar", "vectored"), rounds, StatisticsSettings.DEFAULT, List.of());
        return new RunPlan(variants, DupPolicy.ZERO, List.of(Strategies.byName("scalar"), Strategies.byName("vectored")),
                networks, Optional.empty(), Optional.empty(), trials, warmup, out, Optional.empty(), "workbench run", settings,
                ciTarget, maxTrials, BackingChoice.AUTO, baselines, Optional.empty(), forks, onFailure);
    }
}
