package workbench.harness.site;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import workbench.harness.baseline.Baseline;
import workbench.harness.net.Network;
import workbench.harness.net.link.EmulatedLink;
import workbench.harness.peer.JavaCommand;
import workbench.harness.trial.BaselineSeries;
import workbench.harness.trial.SeriesPlan;
import workbench.harness.trial.Slot;
import workbench.harness.trial.StrategySeries;
import workbench.harness.trial.TrialRunner;
import workbench.reports.model.TrialResult;

/** The site of an emulated link: a {@link SenderAgent} running inside the link's sender namespace. */
final class AgentProcess implements Site {
    private final Process process;
    private final BufferedReader replies;
    private final Writer requests;
    /** runs the link's reference transfers from this process: it knows the streams' lengths */
    private final TrialRunner runner;
    private final Map<String, Baseline> baselines;

    private AgentProcess(Process process, TrialRunner runner, Map<String, Baseline> baselines) {
        this.process = process;
        this.runner = runner;
        this.baselines = Map.copyOf(baselines);
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /**
     * Starts the agent, hands it the plan, and waits until its RAM is generated and its receiver connected.
     *
     * @param qemuPrefix with --dest qemu, how the agent starts each trial's QEMU destination (ip netns exec of the
     *                   receiver namespace), which listens on the control address's host; empty for our receiver
     */
    static AgentProcess start(SiteSetup setup, Network.Link network, EmulatedLink link, InetSocketAddress control, String token,
                              TrialRunner runner, Map<String, Baseline> baselines, List<String> qemuPrefix) throws IOException {
        long ram = setup.totalRam();
        List<String> java = new ArrayList<>(setup.senderPrefix());
        java.addAll(JavaCommand.of(ram, List.of("agent")));
        List<String> cmd = link.exec(link.senderNamespace(), java);
        AgentProcess agent = new AgentProcess(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start(),
                runner, baselines);
        try {
            agent.send(new SenderAgent.Plan(setup.variants(), setup.dupPolicy(), setup.backing(), network.label(),
                    control.getAddress().getHostAddress(), control.getPort(), token, qemuPrefix));
            SenderAgent.Reply ready = agent.reply();
            if (!Boolean.TRUE.equals(ready.ready())) {
                throw new IOException("the sender in " + link.senderNamespace() + " did not start: " + ready.error());
            }
            return agent;
        } catch (IOException | RuntimeException e) {
            agent.close();
            throw e;
        }
    }

    @Override
    public TrialResult run(Slot slot, SeriesPlan series) throws IOException {
        if (series instanceof BaselineSeries b) {
            // the parent runs a reference transfer itself: both its ends are already behind ip netns exec
            return runner.run(slot, b, Baselines.of(baselines, b));
        }
        StrategySeries s = (StrategySeries) series;
        send(new SenderAgent.Request(slot.index(), slot.round(), slot.warmup(), slot.series(), s.name(),
                s.variantIndex()));
        SenderAgent.Reply r = reply();
        if (r.trial() == null) {
            throw new IOException("the sender in the link's namespace failed: " + r.error());
        }
        return r.trial();
    }

    private void send(Object message) throws IOException {
        requests.write(SenderAgent.JSON.writeValueAsString(message));
        requests.write('\n');
        requests.flush();
    }

    private SenderAgent.Reply reply() throws IOException {
        String line = replies.readLine();
        if (line == null) {
            throw new IOException("the sender in the link's namespace exited (see its messages above)");
        }
        return SenderAgent.JSON.readValue(line, SenderAgent.Reply.class);
    }

    @Override
    public void close() {
        try {
            requests.close(); // end of requests: the agent says bye to its receiver and exits
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
