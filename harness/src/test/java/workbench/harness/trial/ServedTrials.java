package workbench.harness.trial;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import workbench.harness.metrics.Clock;
import workbench.harness.net.Network;
import workbench.harness.net.Transport;
import workbench.harness.peer.Peer;
import workbench.harness.peer.RemoteReceiver;
import workbench.harness.peer.ServePeer;
import workbench.harness.serve.LocalServe;
import workbench.harness.serve.ServeOptions;
import workbench.harness.strategy.Strategies;
import workbench.reports.model.TrialResult;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.RamBacking;

/** Trials of one variant on loopback into a real serve in this JVM, one per strategy named, the peer wrapped as a test asks. */
final class ServedTrials {
    private ServedTrials() {
    }

    static List<TrialResult> run(Variant v, List<String> strategies, UnaryOperator<Peer> wrap) throws Exception {
        try (LocalServe serve = new LocalServe(ServeOptions.local("test", 1L << 30));
             SenderRams rams = new SenderRams(List.of(v.ram()), DupPolicy.ZERO, RamBacking.DIRECT);
             Peer p = wrap.apply(new ServePeer(RemoteReceiver.connect(serve.control(), "test"), Transport.TCP, Optional.empty(),
                     Optional.empty(), List.of()))) {
            TrialRunner runner = new TrialRunner(rams, DupPolicy.ZERO, Clock.SYSTEM);
            List<TrialResult> out = new ArrayList<>();
            for (String s : strategies) {
                out.add(runner.run(new Slot(out.size(), 0, false, 0),
                        new StrategySeries(new Network.Loopback(), Strategies.byName(s), 0, v), p));
            }
            return out;
        }
    }
}
