package workbench.harness.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import workbench.harness.net.Network;
import workbench.harness.net.link.EmulatedLink;
import workbench.reports.model.TrialResult;

/** The parent's handle on a {@link SenderAgent} running inside an emulated link's sender namespace. */
final class AgentProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader replies;
    private final Writer requests;

    private AgentProcess(Process process) {
        this.process = process;
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Starts the agent, hands it the plan, and waits until its RAM is generated and its receiver connected. */
    static AgentProcess start(RunPlan plan, Network.Link network, EmulatedLink link, InetSocketAddress control, String token)
            throws IOException {
        long ram = plan.rams().stream().mapToLong(workbench.workloads.ram.RamSpec::size).sum();
        List<String> cmd = link.exec(link.senderNamespace(), JavaCommand.of(ram, List.of("agent")));
        AgentProcess agent = new AgentProcess(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        try {
            agent.send(new SenderAgent.Plan(plan.variants(), plan.dupPolicy(), network.label(),
                    control.getAddress().getHostAddress(), control.getPort(), token));
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

    TrialResult run(Schedule.Slot slot, SeriesPlan series) throws IOException {
        send(new SenderAgent.Request(slot.index(), slot.round(), slot.warmup(), slot.series(), series.strategy().label(),
                series.variantIndex()));
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
