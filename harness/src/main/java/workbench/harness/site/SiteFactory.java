package workbench.harness.site;

import java.io.IOException;
import java.util.List;
import workbench.harness.net.Network;
import workbench.harness.trial.TrialRunner;

/** Opens the sites of a run's networks; tests open sites whose peers are fakes. */
@FunctionalInterface
public interface SiteFactory {
    SiteSet open(List<Network> networks, SiteSetup setup, TrialRunner runner) throws IOException;
}
