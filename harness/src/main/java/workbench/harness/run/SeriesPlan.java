package workbench.harness.run;

import java.util.Map;
import java.util.TreeMap;
import workbench.harness.io.WriteStrategy;
import workbench.harness.net.Network;
import workbench.reports.model.SeriesKey;

/** One series of a run: a strategy on a network with one variant of the swept settings. */
public record SeriesPlan(Network network, WriteStrategy strategy, int variantIndex, Variant variant) {
    /** Swept settings a strategy ignores do not split its series (vectored has no linear buffer, scalar no batch). */
    public SeriesKey key() {
        Map<String, String> params = new TreeMap<>(variant.params());
        if (strategy == WriteStrategy.VECTORED) {
            params.remove("scalar-buffer");
        }
        if (strategy == WriteStrategy.SCALAR) {
            params.remove("batch");
        }
        return new SeriesKey(strategy.label(), network.label(), params);
    }
}
