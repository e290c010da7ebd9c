package workbench.harness.trial;

import java.util.Map;
import java.util.TreeMap;
import workbench.harness.net.Network;
import workbench.harness.strategy.Strategies;
import workbench.harness.strategy.WriteStrategy;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.SeriesRole;

/** One series of a run: a strategy on a network with one variant of the swept settings. */
public record SeriesPlan(Network network, WriteStrategy strategy, int variantIndex, Variant variant) {
    /**
     * The series' key, with the role its receiver gives it. A swept setting that only other
     * strategies read does not split this one's series (vectored has no linear buffer, scalar no batch).
     */
    public SeriesKey key(SeriesRole role) {
        Map<String, String> params = new TreeMap<>(variant.params());
        params.keySet().removeIf(name -> Strategies.settings().contains(name) && !strategy.settings().contains(name));
        return new SeriesKey(strategy.name(), network.label(), role, params);
    }

}
