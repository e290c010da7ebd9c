package workbench.harness.site;

import java.io.IOException;
import java.util.Map;
import workbench.harness.baseline.Baseline;
import workbench.harness.peer.Peer;
import workbench.harness.trial.BaselineSeries;
import workbench.harness.trial.SeriesPlan;
import workbench.harness.trial.Slot;
import workbench.harness.trial.StrategySeries;
import workbench.harness.trial.TrialRunner;
import workbench.reports.model.TrialResult;

/** Trials run in this process, received by {@code peer}; reference series by the network's baselines, by name. */
public record LocalSite(TrialRunner runner, Peer peer, Map<String, Baseline> baselines) implements Site {
    public LocalSite {
        baselines = Map.copyOf(baselines);
    }

    public LocalSite(TrialRunner runner, Peer peer) {
        this(runner, peer, Map.of());
    }

    @Override
    public TrialResult run(Slot slot, SeriesPlan series) throws IOException {
        if (series instanceof BaselineSeries b) {
            return runner.run(slot, b, Baselines.of(baselines, b));
        }
        return runner.run(slot, (StrategySeries) series, peer);
    }

    @Override
    public void close() throws IOException {
        peer.close();
    }
}
