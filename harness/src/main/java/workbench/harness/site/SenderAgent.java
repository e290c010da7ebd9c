package workbench.harness.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import workbench.harness.metrics.Clock;
import workbench.harness.net.Network;
import workbench.harness.net.Transport;
import workbench.harness.peer.Peer;
import workbench.harness.peer.QemuPeer;
import workbench.harness.peer.RemoteReceiver;
import workbench.harness.peer.ServePeer;
import workbench.harness.trial.SenderRams;
import workbench.harness.trial.StrategySeries;
import workbench.harness.trial.Slot;
import workbench.harness.trial.TrialRunner;
import workbench.harness.trial.Variant;
import workbench.reports.json.RunJson;
import workbench.reports.model.TrialResult;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.RamBacking;

/**
 * The sending half of a run on an emulated link, in a process of its own inside the link's sender
 * namespace (sockets belong to the namespace of the process that opens them, and the congestion
 * control is the namespace's). It regenerates the same RAM from the spec and seed, connects to
 * the receiver across the link, then runs the trials the parent asks for, one JSON line each way.
 */
public final class SenderAgent {
    /** trials travel to the parent as run.json stores them: its optional numbers included */
    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .addModule(RunJson.optionalNumbers()).build();

    /** First line from the parent: what to send and where the receiver's control port is. */
    /** @param qemuPrefix non-empty with --dest qemu: each trial's QEMU destination starts so, listening on controlHost */
    record Plan(List<Variant> variants, DupPolicy dupPolicy, RamBacking backing, String network, String controlHost,
                int controlPort, String token, List<String> qemuPrefix) {
    }

    /** One trial to run. */
    record Request(int index, int round, boolean warmup, int series, String strategy, int variant) {
    }

    /** One line back: ready, a trial, or why the agent stopped. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reply(Boolean ready, TrialResult trial, String error) {
    }

    private SenderAgent() {
    }

    /** Serves the parent on stdin/stdout until stdin ends; returns the exit code. */
    public static int serve(java.io.InputStream stdin, PrintStream stdout, String version) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        String first = in.readLine();
        if (first == null) {
            return 0;
        }
        Plan plan = JSON.readValue(first, Plan.class);
        try {
            Network network = Network.parse(plan.network());
            try (SenderRams rams = new SenderRams(plan.variants().stream().map(Variant::ram).distinct().toList(),
                    plan.dupPolicy(), plan.backing());
                 Peer peer = plan.qemuPrefix() != null && !plan.qemuPrefix().isEmpty()
                         ? new QemuPeer(plan.qemuPrefix(), Transport.TCP, plan.controlHost())
                         : new ServePeer(RemoteReceiver.connect(new InetSocketAddress(plan.controlHost(), plan.controlPort()),
                         Optional.empty(), Optional.of(plan.token()), version), Transport.TCP, Optional.empty(),
                         Optional.of(plan.token()), List.of())) {
                TrialRunner runner = new TrialRunner(rams, plan.dupPolicy(), Clock.SYSTEM);
                reply(stdout, new Reply(true, null, null));
                String line;
                while ((line = in.readLine()) != null) {
                    Request r = JSON.readValue(line, Request.class);
                    StrategySeries series = StrategySeries.named(network, r.strategy(), r.variant(),
                            plan.variants().get(r.variant()));
                    TrialResult t = runner.run(new Slot(r.index(), r.round(), r.warmup(), r.series()), series, peer);
                    reply(stdout, new Reply(null, t, null));
                }
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            reply(stdout, new Reply(null, null, String.valueOf(e.getMessage())));
            return 1;
        }
    }

    private static void reply(PrintStream out, Reply r) throws IOException {
        out.println(JSON.writeValueAsString(r));
        out.flush();
    }
}
