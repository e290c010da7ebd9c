package workbench.harness.trial;

import java.util.Map;
import java.util.TreeMap;
import workbench.harness.baseline.BaselineKind;
import workbench.harness.net.Network;
import workbench.harness.strategy.Strategies;
import workbench.reports.model.SeriesKey;
import workbench.reports.model.SeriesRole;

/**
 * A reference series (iperf3, a QEMU migration) of a variant's guest; a strategy setting splits it
 * only when the baseline reads it (qemu-multifd reads --channels).
 */
public record BaselineSeries(Network network, String baseline, int variantIndex, Variant variant) implements SeriesPlan {
    public BaselineKind kind() {
        return BaselineKind.byName(baseline);
    }

    /** the key, with the role its kind gives it (a ceiling, or a verified baseline) */
    public SeriesKey key() {
        Map<String, String> params = new TreeMap<>(variant.params());
        params.keySet().removeIf(name -> Strategies.settings().contains(name) && !kind().settings().contains(name));
        return new SeriesKey(baseline, network.label(), kind().role(), params);
    }

    /** the role is its kind's, whatever is asked */
    @Override
    public SeriesKey key(SeriesRole role) {
        return key();
    }
}
