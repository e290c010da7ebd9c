package workbench.harness.trial;

import java.util.Map;
import java.util.TreeMap;
import workbench.harness.net.Network;
import workbench.harness.strategy.Strategies;
import workbench.harness.strategy.WriteStrategy;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.SeriesRole;

/** A series of one of our write strategies. */
public record StrategySeries(Network network, WriteStrategy strategy, int variantIndex, Variant variant) implements SeriesPlan {
    /** A swept setting that only other strategies read does not split this one's series (vectored has no linear buffer, scalar no batch). */
    @Override
    public SeriesKey key(SeriesRole role) {
        Map<String, String> params = new TreeMap<>(variant.params());
        params.keySet().removeIf(name -> Strategies.settings().contains(name) && !strategy.settings().contains(name));
        return new SeriesKey(strategy.name(), network.label(), role, params);
    }
}
