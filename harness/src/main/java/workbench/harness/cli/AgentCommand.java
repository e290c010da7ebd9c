package workbench.harness.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import workbench.harness.site.SenderAgent;

/** Internal: the sender of an emulated link, started by run inside the link's sender namespace. */
@Command(name = "agent", hidden = true, description = "internal: runs trials for a parent run, JSON lines on stdin/stdout")
public final class AgentCommand implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
        return SenderAgent.serve(System.in, System.out, Version.get());
    }
}
