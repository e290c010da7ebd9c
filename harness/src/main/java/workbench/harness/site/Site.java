package workbench.harness.site;

import java.io.IOException;
import workbench.harness.trial.SeriesPlan;
import workbench.harness.trial.Slot;
import workbench.reports.model.TrialResult;

/**
 * Where a network's trials run: in this process against its peer, or in a sender agent inside an
 * emulated link's namespace. A run hands every trial to its network's site and asks nothing else.
 */
public interface Site extends AutoCloseable {
    TrialResult run(Slot slot, SeriesPlan series) throws IOException;

    @Override
    void close() throws IOException;
}
