package workbench.harness.site;

import java.io.IOException;
import workbench.harness.peer.Peer;
import workbench.harness.trial.SeriesPlan;
import workbench.harness.trial.Slot;
import workbench.harness.trial.TrialRunner;
import workbench.reports.model.TrialResult;

/** Trials run in this process, received by {@code peer}. */
public record LocalSite(TrialRunner runner, Peer peer) implements Site {
    @Override
    public TrialResult run(Slot slot, SeriesPlan series) throws IOException {
        return runner.run(slot, series, peer);
    }

    @Override
    public void close() throws IOException {
        peer.close();
    }
}
