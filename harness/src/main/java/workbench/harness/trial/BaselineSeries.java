package workbench.harness.trial;

import java.util.Map;
import java.util.TreeMap;
import workbench.harness.net.Network;
import workbench.harness.strategy.Strategies;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.SeriesRole;

/** A reference series (iperf3) moving the same number of bytes as a variant's stream; no strategy setting splits it. */
public record BaselineSeries(Network network, String baseline, int variantIndex, Variant variant) implements SeriesPlan {
    @Override
    public SeriesKey key(SeriesRole role) {
        Map<String, String> params = new TreeMap<>(variant.params());
        params.keySet().removeIf(Strategies.settings()::contains);
        return new SeriesKey(baseline, network.label(), role, params);
    }
}
