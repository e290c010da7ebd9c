package workbench.harness.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import workbench.harness.io.ReceiveMode;
import workbench.harness.io.SinkOptions;
import workbench.harness.net.Network;
import workbench.harness.run.OnFailure;
import workbench.harness.strategy.Strategies;
import workbench.harness.strategy.WriteStrategy;
import workbench.harness.trial.SocketOptions;
import workbench.harness.trial.Variant;
import workbench.reports.model.RamSettings;
import workbench.reports.model.Rounds;
import workbench.reports.model.RunSettings;
import workbench.reports.model.Setting;
import workbench.reports.model.SettingKind;
import workbench.reports.model.StatisticsSettings;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.BackingChoice;
import workbench.workloads.ram.RamSpec;

/** The sweepable options of run as parsed lists; their cross product is the plan's variants. */
record RunOptions(SweepList<Long> ram, SweepList<Double> dup, SweepList<Double> uniform, SweepList<Double> dirty,
                  SweepList<Integer> batch, SweepList<Integer> scalarBuffer, SweepList<Integer> readBuffer,
                  SweepList<Boolean> noDelay, SweepList<Integer> sndbuf, SweepList<Integer> rcvbuf,
                  int blocks, Layout layout, Content content, long seed, SweepList<ReceiveMode> receive,
                  SweepList<Integer> channels) {

    private List<SweepList<?>> all() {
        return List.of(ram, dup, uniform, dirty, batch, scalarBuffer, readBuffer, noDelay, sndbuf, rcvbuf, receive, channels);
    }

    /** Every combination, in option order, the last option varying fastest. */
    List<Variant> variants() {
        List<int[]> picks = new ArrayList<>();
        picks.add(new int[all().size()]);
        for (int o = 0; o < all().size(); o++) {
            List<int[]> next = new ArrayList<>();
            for (int[] p : picks) {
                for (int v = 0; v < all().get(o).values().size(); v++) {
                    int[] q = p.clone();
                    q[o] = v;
                    next.add(q);
                }
            }
            picks = next;
        }
        List<Variant> out = new ArrayList<>();
        for (int[] p : picks) {
            out.add(variant(p));
        }
        return out;
    }

    private Variant variant(int[] p) {
        int page = RamSpec.DEFAULT_PAGE_SIZE; // the stream carries x86's 4 KiB pages (TARGET_PAGE_BITS 12)
        RamSpec spec = new RamSpec(RamSpec.evenBlocks(ram.values().get(p[0]), blocks, page), page, dup.values().get(p[1]),
                uniform.values().get(p[2]), dirty.values().get(p[3]), layout, content, seed);
        SinkOptions sink = new SinkOptions(scalarBuffer.values().get(p[5]), batch.values().get(p[4]), SinkOptions.QEMU_BUFFER,
                channels.values().get(p[11]));
        SocketOptions socket = new SocketOptions(noDelay.values().get(p[7]), sndbuf.values().get(p[8]), rcvbuf.values().get(p[9]));
        Map<String, String> params = new LinkedHashMap<>();
        for (int o = 0; o < all().size(); o++) {
            SweepList<?> s = all().get(o);
            if (s.swept()) {
                params.put(s.option().substring(2), s.texts().get(p[o]));
            }
        }
        return new Variant(spec, sink, readBuffer.values().get(p[6]), socket, params, receive.values().get(p[10]));
    }

    /** every setting as resolved, typed, lists for swept ones: the manifest's record and what --like reads back */
    RunSettings settings(DupPolicy policy, List<WriteStrategy> strategies, List<Network> networks, Rounds rounds,
                         BackingChoice backing, List<String> baselines, boolean pin, int forks, OnFailure onFailure,
                         List<Setting> runSettings) {
        RamSettings ramSettings = new RamSettings(ram.values(), blocks, RamSpec.DEFAULT_PAGE_SIZE, dup.values(),
                uniform.values(), dirty.values(), lower(layout), lower(content), seed, lower(policy));
        List<Setting> entries = new ArrayList<>(List.of(
                setting(batch, SettingKind.INTEGER),
                setting(scalarBuffer, SettingKind.SIZE),
                new Setting("staging-buffer", SettingKind.SIZE, owner("staging-buffer"), List.of(String.valueOf(SinkOptions.QEMU_BUFFER))),
                setting(readBuffer, SettingKind.SIZE),
                setting(noDelay, SettingKind.FLAG),
                setting(sndbuf, SettingKind.SIZE),
                setting(rcvbuf, SettingKind.SIZE),
                setting(receive, SettingKind.ENUM),
                setting(channels, SettingKind.INTEGER),
                new Setting("backing", SettingKind.ENUM, "sender", List.of(lower(backing))),
                new Setting("baselines", SettingKind.ENUM, "run", baselines.isEmpty() ? List.of("none") : baselines),
                new Setting("pin", SettingKind.FLAG, "run", List.of(pin ? "on" : "off")),
                new Setting("forks", SettingKind.INTEGER, "run", List.of(String.valueOf(forks))),
                new Setting("on-failure", SettingKind.ENUM, "run", List.of(lower(onFailure)))));
        entries.addAll(runSettings);
        return new RunSettings(ramSettings, networks.stream().map(Network::label).toList(),
                strategies.stream().map(WriteStrategy::name).toList(), rounds, StatisticsSettings.DEFAULT, entries);
    }

    /** a swept option as typed: the values' own texts, so --like passes them back through the same parsers */
    private static Setting setting(SweepList<?> list, SettingKind kind) {
        String name = list.option().substring(2);
        return new Setting(name, kind, owner(name), list.texts());
    }

    /** the strategy that reads a setting, else the side of the connection it tunes */
    private static String owner(String name) {
        return Strategies.all().stream().filter(s -> s.settings().contains(name)).map(WriteStrategy::name).findFirst()
                .orElse(name.equals("read-buffer") || name.equals("rcvbuf") || name.equals("receive") ? "receiver" : "sender");
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
