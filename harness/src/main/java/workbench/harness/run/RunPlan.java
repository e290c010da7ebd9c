package workbench.harness.run;

import workbench.harness.io.ReceiveMode;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import workbench.harness.metrics.Pinning;
import workbench.harness.net.Network;
import workbench.harness.strategy.WriteStrategy;
import workbench.harness.site.Sites;
import workbench.harness.trial.BaselineSeries;
import workbench.harness.trial.SeriesPlan;
import workbench.harness.trial.StrategySeries;
import workbench.harness.trial.Variant;
import workbench.reports.model.RunSettings;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.SeriesRole;
import workbench.workloads.live.WorkloadKind;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.BackingChoice;
import workbench.workloads.ram.RamSpec;

/**
 * One resolved, immutable plan: everything a run does, checked before trial 1.
 *
 * @param variants      the combinations of swept settings (one when nothing is swept)
 * @param dupPolicy     which pages travel as fill records
 * @param strategies    write strategies compared, in the order of the first round; one listed again
 *                      (vectored,vectored) is measured again as a series of its own, "vectored#2"
 * @param networks      where the stream travels (every series on every network)
 * @param bind          local address for connections to a remote receiver, if chosen
 * @param token         the remote receiver's token, if it has one
 * @param trials        measured rounds
 * @param warmup        warm-up rounds before them (recorded, not summarised)
 * @param out           folder that receives results/&lt;run-id&gt;/
 * @param saveStream    file to write one trial's stream to, if asked
 * @param commandLine   the command line as typed, for the manifest
 * @param settings      every setting as resolved, typed, lists for swept ones: the manifest's record and what --like reads back
 * @param ciTarget      adaptive trials: add rounds until every series' 95% CI half-width is within this fraction of its mean
 * @param maxTrials     measured rounds at most when adaptive
 * @param backing       where the sender's guests live: auto, direct or shm (forced to shm when a strategy sends from the file)
 * @param baselines     reference transfers (iperf3, iperf3-z) measured beside the strategies where a network has them
 * @param pin           --pin: the sending process on one CPU, the receiving one on another
 * @param forks         --forks: how many times the receiver children and sender agents are started, the rounds spread over them
 * @param onFailure     --on-failure: after a failed trial, go on (restarting what broke) or stop the run
 */
public record RunPlan(List<Variant> variants, DupPolicy dupPolicy, List<WriteStrategy> strategies, List<Network> networks,
                      Optional<InetAddress> bind, Optional<String> token, int trials, int warmup, Path out,
                      Optional<Path> saveStream, String commandLine, RunSettings settings,
                      OptionalDouble ciTarget, int maxTrials, BackingChoice backing, List<String> baselines,
                      Optional<Pinning> pin, int forks, OnFailure onFailure) {
    public RunPlan {
        baselines = List.copyOf(baselines);
        java.util.Objects.requireNonNull(onFailure, "onFailure");
        variants = List.copyOf(variants);
        strategies = List.copyOf(strategies);
        networks = List.copyOf(networks);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one setting of every option");
        }
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("--strategies needs at least one strategy");
        }
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("--net needs at least one network");
        }
        if (trials < 1) {
            throw new IllegalArgumentException("--trials must be at least 1, got " + trials);
        }
        if (ciTarget.isPresent() && !(ciTarget.getAsDouble() > 0 && ciTarget.getAsDouble() < 1)) {
            throw new IllegalArgumentException("--ci-target must be a fraction above 0, e.g. 2%");
        }
        if (ciTarget.isPresent() && maxTrials < trials) {
            throw new IllegalArgumentException("--max-trials (" + maxTrials + ") is below --trials (" + trials + ")");
        }
        if (forks < 1 || forks > trials) {
            throw new IllegalArgumentException("--forks must be between 1 and --trials (" + trials + ": each fork measures a round at least), got " + forks);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must be 0 or more, got " + warmup);
        }
        WriteStrategy first = strategies.get(0);
        if (saveStream.isPresent() && first.connections(variants.get(0).sink()) > 1) {
            throw new IllegalArgumentException("--save-stream writes one connection's stream to a file, and " + first.name()
                    + " sends its pages on several; list a single-stream strategy first in --strategies (e.g. vectored,"
                    + first.name() + ")");
        }
        for (WriteStrategy s : strategies) {
            if (s.connections(variants.get(0).sink()) > 1 && variants.stream().anyMatch(v -> v.receive() == ReceiveMode.SCATTER)) {
                throw new IllegalArgumentException("--receive scatter cannot take " + s.name() + ": its main stream carries no pages"
                        + " to scatter, and a scatter's restores could clobber pages its channels wrote; use --receive buffered");
            }
        }
        if (variants.stream().anyMatch(v -> v.workload().kind() == WorkloadKind.CHECKPOINT && v.receive() == ReceiveMode.SCATTER)) {
            throw new IllegalArgumentException("--receive scatter does not go with --workload checkpoint: it reads ahead"
                    + " past a checkpoint's end and would wait for the next; use --receive buffered");
        }
    }

    /**
     * Every series, networks outermost, then variants, then strategies and the network's reference
     * transfers; duplicates (a sweep a strategy or baseline ignores) once.
     */
    public List<SeriesPlan> series() {
        List<SeriesPlan> out = new ArrayList<>();
        Set<SeriesKey> seen = new HashSet<>();
        for (Network n : networks) {
            for (int v = 0; v < variants.size(); v++) {
                Map<WriteStrategy, Integer> listings = new HashMap<>();
                for (WriteStrategy s : strategies) {
                    // a strategy listed again is measured again as a series of its own: the A/A check
                    SeriesPlan p = new StrategySeries(n, s, listings.merge(s, 1, Integer::sum), v, variants.get(v));
                    if (seen.add(p.key(SeriesRole.STRATEGY))) {
                        out.add(p);
                    }
                }
                for (String b : baselines) {
                    BaselineSeries p = new BaselineSeries(n, b, v, variants.get(v));
                    if (Sites.hasBaseline(n, p.kind()) && seen.add(p.key())) {
                        out.add(p);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** measured rounds of fork {@code f}: the rounds shared out evenly, the first forks taking the remainder */
    public int trialsOf(int f) {
        return trials / forks + (f < trials % forks ? 1 : 0);
    }

    /** the distinct guests the sender holds */
    public List<RamSpec> rams() {
        return variants.stream().map(Variant::ram).distinct().toList();
    }

    public long largestRam() {
        return rams().stream().mapToLong(RamSpec::size).max().orElse(0);
    }

    public long seed() {
        return variants.get(0).ram().seed();
    }
}
