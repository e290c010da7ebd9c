package workbench.harness.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import workbench.harness.baseline.Baseline;
import workbench.harness.baseline.BaselineKind;
import workbench.harness.baseline.Iperf3;
import workbench.harness.baseline.QemuToQemu;
import workbench.harness.peer.Peer;
import workbench.harness.qemu.SourceImages;
import workbench.harness.trial.BaselineSeries;
import workbench.harness.trial.QemuIntoReceiver;

/** The reference transfers a site offers, by name: only those the run asked for. */
final class Baselines {
    private final Map<String, Baseline> byName = new LinkedHashMap<>();

    private Baselines() {
    }

    /**
     * The baselines asked for ({@code names}) between a receiving and a sending side, each behind its
     * command prefix (nothing here, ip netns exec inside a link); {@code receiver} is the network's own
     * receiver, which qemu-source sends into (absent where our receiver cannot take a bare QEMU stream).
     */
    static Map<String, Baseline> of(List<String> names, List<String> receiverPrefix, List<String> senderPrefix, String host,
                                    java.util.Optional<Peer> receiver, SourceImages images) {
        Baselines b = new Baselines();
        for (String name : names) {
            switch (BaselineKind.byName(name)) {
                case IPERF3 -> b.add(new Iperf3(receiverPrefix, senderPrefix, host, false));
                case IPERF3_Z -> b.add(new Iperf3(receiverPrefix, senderPrefix, host, true));
                case QEMU -> b.add(new QemuToQemu(senderPrefix, receiverPrefix, host, false, images));
                case QEMU_MULTIFD -> b.add(new QemuToQemu(senderPrefix, receiverPrefix, host, true, images));
                case QEMU_SOURCE -> receiver.ifPresent(r -> b.add(new QemuIntoReceiver(r, senderPrefix, false, images)));
                case QEMU_SOURCE_MULTIFD -> receiver.ifPresent(r -> b.add(new QemuIntoReceiver(r, senderPrefix, true, images)));
            }
        }
        return Map.copyOf(b.byName);
    }

    private void add(Baseline baseline) {
        byName.put(baseline.name(), baseline);
    }

    static Baseline of(Map<String, Baseline> baselines, BaselineSeries series) {
        Baseline b = baselines.get(series.baseline());
        if (b == null) {
            throw new IllegalArgumentException("no baseline " + series.baseline() + " on " + series.network().label());
        }
        return b;
    }
}
