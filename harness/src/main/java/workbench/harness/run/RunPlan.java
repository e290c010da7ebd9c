package workbench.harness.run;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.WriteStrategy;
import workbench.harness.net.Network;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.RamSpec;

/**
 * One resolved, immutable plan: everything a run does, checked before trial 1.
 *
 * @param ram         the guest RAM to move
 * @param dupPolicy   which pages travel as fill records
 * @param strategies  write strategies compared, in the order of the first round
 * @param sink        buffer and batch sizes of the strategies
 * @param networks    where the stream travels (every strategy on every network)
 * @param bind        local address for connections to a remote receiver, if chosen
 * @param token       the remote receiver's token, if it has one
 * @param trials      measured rounds
 * @param warmup      warm-up rounds before them (recorded, not summarised)
 * @param readBuffer  bytes per read of the receiver
 * @param out         folder that receives results/&lt;run-id&gt;/
 * @param saveStream  file to write one trial's stream to, if asked
 * @param commandLine the command line as typed, for the manifest
 */
public record RunPlan(RamSpec ram, DupPolicy dupPolicy, List<WriteStrategy> strategies, SinkOptions sink,
                      List<Network> networks, Optional<InetAddress> bind, Optional<String> token, int trials, int warmup, int readBuffer, Path out, Optional<Path> saveStream,
                      String commandLine) {
    public RunPlan {
        strategies = List.copyOf(strategies);
        networks = List.copyOf(networks);
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("--net needs at least one network");
        }
        if (strategies.isEmpty() || strategies.stream().distinct().count() != strategies.size()) {
            throw new IllegalArgumentException("strategies must be a non-empty list without repeats: " + strategies);
        }
        if (trials < 1) {
            throw new IllegalArgumentException("--trials must be at least 1, got " + trials);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must be 0 or more, got " + warmup);
        }
    }

    /** series are network × strategy, networks outermost: series {@code i} runs this strategy */
    public WriteStrategy strategyOf(int series) {
        return strategies.get(series % strategies.size());
    }

    public Network networkOf(int series) {
        return networks.get(series / strategies.size());
    }

    public int seriesCount() {
        return networks.size() * strategies.size();
    }

    /** The configuration as the manifest records it: every option, defaults included, by option name. */
    public Map<String, Object> configuration() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("ram", ram.size());
        c.put("blocks", ram.blocks().stream().map(b -> Map.of("name", b.name(), "length", b.length())).toList());
        c.put("page-size", ram.pageSize());
        c.put("dup", ram.dup());
        c.put("uniform", ram.uniform());
        c.put("dirty", ram.dirty());
        c.put("layout", ram.layout().name().toLowerCase(java.util.Locale.ROOT));
        c.put("content", ram.content().name().toLowerCase(java.util.Locale.ROOT));
        c.put("seed", ram.seed());
        c.put("dup-policy", dupPolicy.name().toLowerCase(java.util.Locale.ROOT));
        c.put("strategies", strategies.stream().map(WriteStrategy::label).toList());
        c.put("batch", sink.batch());
        c.put("scalar-buffer", sink.scalarBuffer());
        c.put("staging-buffer", sink.staging());
        c.put("read-buffer", readBuffer);
        c.put("net", String.join(",", networks.stream().map(Network::label).toList()));
        c.put("trials", trials);
        c.put("warmup", warmup);
        return c;
    }
}
