package workbench.harness.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;
import workbench.harness.net.Network;
import workbench.harness.site.Destination;
import workbench.harness.trial.Variant;
import workbench.reports.model.Setting;
import workbench.reports.model.SettingKind;
import workbench.workloads.live.WorkloadKind;
import workbench.workloads.live.Workload;
import workbench.workloads.live.WritePattern;

/** run's live-workload options (a help section of their own): what the guest does while it is sent. */
public final class LiveOptions {
    @Option(names = "--workload", defaultValue = "bulk", paramLabel = "bulk|precopy|checkpoint",
            description = "bulk: one copy of a paused guest; precopy: passes over a running guest until the rest fits"
                    + " --max-downtime; checkpoint: --epoch epochs, each paused until acknowledged; default ${DEFAULT-VALUE}")
    String workload;
    @Option(names = "--write-rate", defaultValue = "12000/s", paramLabel = "N/s|max",
            description = "live workloads: page writes per second of the guest, or max; default ${DEFAULT-VALUE}")
    String writeRate;
    @Option(names = "--write-pattern", defaultValue = "uniform", paramLabel = "uniform|hot[:P:W]|sweep",
            description = "live workloads: pages written uniformly, mostly in a hot set (hot = hot:10%%:90%%), or in sequential sweeps; default ${DEFAULT-VALUE}")
    String writePattern;
    @Option(names = "--writers", defaultValue = "1", paramLabel = "N", description = "live workloads: writer threads; default ${DEFAULT-VALUE}")
    int writers;
    @Option(names = "--max-downtime", defaultValue = "300ms", paramLabel = "TIME",
            description = "precopy: the pause allowed for the last pass at the measured bandwidth; default ${DEFAULT-VALUE}")
    String maxDowntime;
    @Option(names = "--max-passes", defaultValue = "30", paramLabel = "N",
            description = "precopy: live passes at most; then the guest stops anyway (reported as not converged); default ${DEFAULT-VALUE}")
    int maxPasses;
    @Option(names = "--epoch", defaultValue = "25ms", paramLabel = "TIME",
            description = "checkpoint: the guest's run between checkpoints (25ms as Remus, 600ms as COLO); default ${DEFAULT-VALUE}")
    String epoch;
    @Option(names = "--checkpoints", defaultValue = "100", paramLabel = "N", description = "checkpoint: checkpoints per trial; default ${DEFAULT-VALUE}")
    int checkpoints;
    @Option(names = "--check-every", defaultValue = "10", paramLabel = "K",
            description = "checkpoint: every K-th checkpoint and the last compare the receiver's RAM digest; default ${DEFAULT-VALUE}")
    int checkEvery;

    /** the workload the options describe; a live one refuses --dirty below 1 (a running guest is sent whole first) */
    Workload workload(List<Double> dirty) {
        WorkloadKind kind = WorkloadKind.parse(workload);
        Workload w = new Workload(kind, Workload.parseRate(writeRate), WritePattern.parse(writePattern), writers,
                nanos("--max-downtime", maxDowntime), maxPasses, nanos("--epoch", epoch), checkpoints, checkEvery);
        if (w.live() && dirty.stream().anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("--dirty below 1 does not go with --workload " + kind.text()
                    + ": a running guest is sent whole first and its writers decide what is dirty; leave --dirty at 1");
        }
        return w;
    }

    /**
     * A live workload needs a receiver that holds the RAM: not the null network; and checkpoints need
     * one that acknowledges each, which a QEMU destination cannot.
     */
    static void check(Workload w, List<Network> networks, Destination dest) {
        if (!w.live()) {
            return;
        }
        if (networks.stream().anyMatch(n -> n instanceof Network.Null)) {
            throw new UserException("--workload " + w.kind().text() + " cannot run on --net null: nothing receives, so"
                    + " nothing verifies the running guest's RAM", "choose a network with a receiver (loopback, unix, link:…)",
                    ExitCode.INVALID_INPUT);
        }
        if (w.kind() == WorkloadKind.CHECKPOINT && dest == Destination.QEMU) {
            throw new UserException("--workload checkpoint cannot go to --dest qemu: a QEMU destination cannot acknowledge"
                    + " checkpoints", "use --dest workbench, or --workload precopy for QEMU", ExitCode.INVALID_INPUT);
        }
    }

    /** the variants with the workload */
    static List<Variant> apply(List<Variant> variants, Workload w) {
        return variants.stream().map(v -> v.withWorkload(w)).toList();
    }

    /** the manifest's record of a live workload (nothing for bulk, so bulk runs read as before) */
    static List<Setting> settings(Workload w) {
        List<Setting> out = new ArrayList<>();
        if (!w.live()) {
            return out;
        }
        out.add(Setting.of("workload", SettingKind.ENUM, "sender", w.kind().text()));
        out.add(Setting.of("write-rate", SettingKind.TEXT, "sender", w.rateText()));
        out.add(Setting.of("write-pattern", SettingKind.TEXT, "sender", w.pattern().text()));
        out.add(Setting.of("writers", SettingKind.INTEGER, "sender", Integer.toString(w.writers())));
        if (w.kind() == WorkloadKind.PRECOPY) {
            out.add(Setting.of("max-downtime", SettingKind.DURATION, "sender", w.maxDowntimeNanos() / 1_000_000.0 + "ms"));
            out.add(Setting.of("max-passes", SettingKind.INTEGER, "sender", Integer.toString(w.maxPasses())));
        } else {
            out.add(Setting.of("epoch", SettingKind.DURATION, "sender", w.epochNanos() / 1_000_000.0 + "ms"));
            out.add(Setting.of("checkpoints", SettingKind.INTEGER, "sender", Integer.toString(w.checkpoints())));
            out.add(Setting.of("check-every", SettingKind.INTEGER, "sender", Integer.toString(w.checkEvery())));
        }
        return out;
    }

    /** 25ms, 0.6s, 600ms, 300us */
    static long nanos(String option, String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        double scale;
        String n;
        if (s.endsWith("ms")) {
            scale = 1e6;
            n = s.substring(0, s.length() - 2);
        } else if (s.endsWith("us")) {
            scale = 1e3;
            n = s.substring(0, s.length() - 2);
        } else if (s.endsWith("s")) {
            scale = 1e9;
            n = s.substring(0, s.length() - 1);
        } else {
            throw new IllegalArgumentException(option + ": '" + text + "' needs a unit: ms, s or us (e.g. 25ms)");
        }
        try {
            double v = Double.parseDouble(n);
            if (v >= 0 && Double.isFinite(v)) {
                return Math.round(v * scale);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + ": '" + text + "' is not a time (e.g. 25ms, 0.6s)");
    }
}
