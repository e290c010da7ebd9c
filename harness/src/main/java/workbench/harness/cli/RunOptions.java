package workbench.harness.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import workbench.harness.io.SinkOptions;
import workbench.harness.io.WriteStrategy;
import workbench.harness.net.Network;
import workbench.harness.run.SocketOptions;
import workbench.harness.run.Variant;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;
import workbench.workloads.ram.RamSpec;

/** The sweepable options of run as parsed lists; their cross product is the plan's variants. */
record RunOptions(SweepList<Long> ram, SweepList<Double> dup, SweepList<Double> uniform, SweepList<Double> dirty,
                  SweepList<Integer> batch, SweepList<Integer> scalarBuffer, SweepList<Integer> readBuffer,
                  SweepList<Boolean> noDelay, SweepList<Integer> sndbuf, SweepList<Integer> rcvbuf,
                  int blocks, Layout layout, Content content, long seed) {

    private List<SweepList<?>> all() {
        return List.of(ram, dup, uniform, dirty, batch, scalarBuffer, readBuffer, noDelay, sndbuf, rcvbuf);
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
        SinkOptions sink = new SinkOptions(scalarBuffer.values().get(p[5]), batch.values().get(p[4]), SinkOptions.QEMU_BUFFER);
        SocketOptions socket = new SocketOptions(noDelay.values().get(p[7]), sndbuf.values().get(p[8]), rcvbuf.values().get(p[9]));
        Map<String, String> params = new LinkedHashMap<>();
        for (int o = 0; o < all().size(); o++) {
            SweepList<?> s = all().get(o);
            if (s.swept()) {
                params.put(s.option().substring(2), s.texts().get(p[o]));
            }
        }
        return new Variant(spec, sink, readBuffer.values().get(p[6]), socket, params);
    }

    /** every option as resolved, lists for swept ones: the manifest's configuration and what --like reads back */
    Map<String, Object> configuration(DupPolicy policy, List<WriteStrategy> strategies, List<Network> networks, int trials, int warmup) {
        Function<Object, Object> same = x -> x;
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("ram", ram.configured(same::apply));
        c.put("blocks", blocks);
        c.put("page-size", RamSpec.DEFAULT_PAGE_SIZE);
        c.put("dup", dup.configured(same::apply));
        c.put("uniform", uniform.configured(same::apply));
        c.put("dirty", dirty.configured(same::apply));
        c.put("layout", layout.name().toLowerCase(Locale.ROOT));
        c.put("content", content.name().toLowerCase(Locale.ROOT));
        c.put("seed", seed);
        c.put("dup-policy", policy.name().toLowerCase(Locale.ROOT));
        c.put("strategies", strategies.stream().map(WriteStrategy::label).toList());
        c.put("batch", batch.configured(same::apply));
        c.put("scalar-buffer", scalarBuffer.configured(same::apply));
        c.put("staging-buffer", SinkOptions.QEMU_BUFFER);
        c.put("read-buffer", readBuffer.configured(same::apply));
        c.put("tcp-nodelay", noDelay.configured(b -> b ? "on" : "off"));
        c.put("sndbuf", sndbuf.configured(v -> v == 0 ? "auto" : v));
        c.put("rcvbuf", rcvbuf.configured(v -> v == 0 ? "auto" : v));
        c.put("net", String.join(",", networks.stream().map(Network::label).toList()));
        c.put("trials", trials);
        c.put("warmup", warmup);
        return c;
    }
}
