package workbench.reports.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import workbench.reports.model.SeriesKey;
import workbench.reports.stats.SeriesSummary;

/**
 * The series of a run laid along one swept setting: one line per strategy and remaining context
 * (network, other swept settings), points by the setting's numeric value. A series the setting
 * does not apply to (scalar under a --batch sweep) is drawn flat across the range, as the
 * reference the swept ones are measured against.
 *
 * @param lines       line name to its points, x value to series
 * @param logarithmic true when every x is positive and they span at least a factor of 10
 * @param numeric     false when some value was not a number and values were placed at 1, 2, 3…
 */
record Sweep(Map<String, SortedMap<Double, SeriesSummary>> lines, boolean logarithmic, boolean numeric) {

    static Sweep of(List<SeriesSummary> series, String param) {
        List<SeriesSummary> swept = series.stream().filter(s -> s.key().params().containsKey(param)).toList();
        Set<String> raw = new LinkedHashSet<>();
        swept.forEach(s -> raw.add(s.key().params().get(param)));
        boolean numeric = raw.stream().allMatch(v -> !Double.isNaN(number(v)));
        Map<String, Double> x = new LinkedHashMap<>();
        List<String> sorted = new ArrayList<>(raw);
        sorted.sort(numeric ? java.util.Comparator.comparingDouble(Sweep::number) : java.util.Comparator.naturalOrder());
        for (int i = 0; i < sorted.size(); i++) {
            x.put(sorted.get(i), numeric ? number(sorted.get(i)) : i + 1.0);
        }
        Set<String> rests = new LinkedHashSet<>();
        series.forEach(s -> rests.add(rest(s, param)));
        Map<String, SortedMap<Double, SeriesSummary>> lines = new LinkedHashMap<>();
        for (SeriesSummary s : swept) {
            String name = s.key().strategy() + (rests.size() > 1 ? " " + rest(s, param) : "");
            lines.computeIfAbsent(name, n -> new TreeMap<>()).put(x.get(s.key().params().get(param)), s);
        }
        for (SeriesSummary s : series) {
            if (!s.key().params().containsKey(param) && !x.isEmpty()) {
                String name = s.key().strategy() + (rests.size() > 1 ? " " + rest(s, param) : "") + " (no " + param + ")";
                SortedMap<Double, SeriesSummary> flat = new TreeMap<>();
                x.values().forEach(v -> flat.put(v, s));
                lines.put(name, flat);
            }
        }
        double min = x.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = x.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return new Sweep(lines, numeric && min > 0 && max / min >= 10, numeric);
    }

    /** the series' context without the swept setting */
    private static String rest(SeriesSummary s, String param) {
        Map<String, String> others = new TreeMap<>(s.key().params());
        others.remove(param);
        return Charts.context(new SeriesKey(s.key().strategy(), s.key().network(), s.key().role(), others), s.status());
    }

    /** "64" → 64, "25%" → 0.25, "32K" → 32768; NaN when not a number */
    static double number(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        double scale = 1;
        if (v.endsWith("%")) {
            scale = 0.01;
            v = v.substring(0, v.length() - 1);
        } else if (!v.isEmpty() && "KMGT".indexOf(v.charAt(v.length() - 1)) >= 0) {
            scale = Math.pow(1024, "KMGT".indexOf(v.charAt(v.length() - 1)) + 1);
            v = v.substring(0, v.length() - 1);
        }
        try {
            return Double.parseDouble(v) * scale;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
