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
 * (network, other swept settings), points at the positions 1, 2, 3… of the setting's values in
 * increasing order (numerically when every value is a number). A series the setting does not apply
 * to (scalar under a --batch sweep) is a reference: one point, drawn flat across the range.
 *
 * @param lines      line name to its points, position to series
 * @param values     the swept values as typed, in the order of their positions
 * @param references names of the lines that are references (one series, no swept value)
 * @param numeric    false when some value was not a number and the values were sorted as text
 */
record Sweep(Map<String, SortedMap<Double, SeriesSummary>> lines, List<String> values, Set<String> references,
             boolean numeric) {

    static Sweep of(List<SeriesSummary> series, String param) {
        List<SeriesSummary> swept = series.stream().filter(s -> s.key().params().containsKey(param)).toList();
        Set<String> raw = new LinkedHashSet<>();
        swept.forEach(s -> raw.add(s.key().params().get(param)));
        boolean numeric = raw.stream().allMatch(v -> !Double.isNaN(number(v)));
        Map<String, Double> x = new LinkedHashMap<>();
        List<String> sorted = sorted(raw);
        for (int i = 0; i < sorted.size(); i++) {
            x.put(sorted.get(i), i + 1.0);
        }
        Set<String> rests = new LinkedHashSet<>();
        series.forEach(s -> rests.add(rest(s, param)));
        Map<String, SortedMap<Double, SeriesSummary>> lines = new LinkedHashMap<>();
        for (SeriesSummary s : swept) {
            String name = s.key().strategy() + (rests.size() > 1 ? " " + rest(s, param) : "");
            lines.computeIfAbsent(name, n -> new TreeMap<>()).put(x.get(s.key().params().get(param)), s);
        }
        Set<String> references = new LinkedHashSet<>();
        for (SeriesSummary s : series) {
            if (!s.key().params().containsKey(param) && !x.isEmpty()) {
                String name = s.key().strategy() + (rests.size() > 1 ? " " + rest(s, param) : "") + " (no " + param + ")";
                SortedMap<Double, SeriesSummary> flat = new TreeMap<>();
                flat.put(1.0, s);
                lines.put(name, flat);
                references.add(name);
            }
        }
        return new Sweep(lines, sorted, references, numeric);
    }

    /** values in the order of a sweep: numerically when all are numbers, else as text */
    static List<String> sorted(java.util.Collection<String> values) {
        List<String> sorted = new ArrayList<>(values);
        boolean numeric = values.stream().allMatch(v -> !Double.isNaN(number(v)));
        sorted.sort(numeric ? java.util.Comparator.comparingDouble(Sweep::number) : java.util.Comparator.naturalOrder());
        return sorted;
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
