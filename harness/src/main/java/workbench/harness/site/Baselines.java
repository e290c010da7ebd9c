package workbench.harness.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import workbench.harness.baseline.Baseline;
import workbench.harness.baseline.Iperf3;
import workbench.harness.trial.BaselineSeries;

/** The reference transfers a site offers, by name. */
final class Baselines {
    private Baselines() {
    }

    /** iperf3 and iperf3-z between the two command prefixes */
    static Map<String, Baseline> iperf3(List<String> serverPrefix, List<String> clientPrefix, String host) {
        Map<String, Baseline> out = new LinkedHashMap<>();
        for (boolean zeroCopy : new boolean[] {false, true}) {
            Iperf3 i = new Iperf3(serverPrefix, clientPrefix, host, zeroCopy);
            out.put(i.name(), i);
        }
        return out;
    }

    static Baseline of(Map<String, Baseline> baselines, BaselineSeries series) {
        Baseline b = baselines.get(series.baseline());
        if (b == null) {
            throw new IllegalArgumentException("no baseline " + series.baseline() + " on " + series.network().label());
        }
        return b;
    }
}
