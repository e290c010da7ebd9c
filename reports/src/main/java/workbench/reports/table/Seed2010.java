package workbench.reports.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import workbench.reports.model.Run;
import workbench.reports.model.SeriesRole;
import workbench.reports.model.Setting;
import workbench.reports.stats.Comparisons;
import workbench.reports.stats.SeriesSummary;

/**
 * The seed's 2010 table (shared/seed-experiment.md: 10 trials a row, mean and sd) and a run of
 * {@code --preset seed2010} laid beside it: the rows of each 2010 network above ours on its
 * emulated counterpart (GbE ↔ link:gbe, IPoIB ↔ link:ipoib; writev ↔ vectored, write ↔ scalar),
 * both ratios of write to writev time, and what differs between the two set-ups.
 */
public final class Seed2010 {
    /** the manifest entry (and option) that names a preset */
    public static final String PRESET_SETTING = "preset";
    /** the preset's name */
    public static final String PRESET = "seed2010";

    public static final List<String> HEADER = List.of(
            "source", "network", "strategy", "time (sec)", "write count", "writev count", "dup count", "nodup count");
    public static final List<String> RATIO_HEADER = List.of(
            "network", "2010 write / writev time", "ours scalar / vectored time", "ours 95% CI");

    /** one row of the 2010 table: time mean and sd, then each count's mean and sd */
    private record Row(String network, String mode, double time, double timeSd, long write, long writeSd, long writev,
                       long writevSd, long dup, long dupSd, long nodup, long nodupSd) {
        List<String> cells() {
            return List.of("2010", network, mode, Cells.fixed(time, 3) + " (std " + Cells.fixed(timeSd, 3) + ")",
                    write + " (" + writeSd + ")", writev + " (" + writevSd + ")", dup + " (" + dupSd + ")",
                    nodup + " (" + nodupSd + ")");
        }
    }

    /** a 2010 network, the word our network name holds for it, and its rows (writev, then write) */
    private record Network2010(String name, String ours, Row writev, Row write) {
        double ratio() {
            return write.time / writev.time;
        }
    }

    private static final List<Network2010> SEED = List.of(
            new Network2010("GbE", "gbe",
                    new Row("GbE", "writev", 35.732, 0.002, 4, 0, 8269, 1, 36157, 124, 1016808, 147),
                    new Row("GbE", "write", 35.780, 0.164, 127367, 21, 0, 0, 36134, 108, 1016853, 165)),
            new Network2010("IPoIB", "ipoib",
                    new Row("IPoIB", "writev", 13.889, 0.155, 4, 0, 8267, 1, 36147, 105, 1016838, 111),
                    new Row("IPoIB", "write", 16.777, 0.239, 127364, 24, 0, 0, 36173, 169, 1016840, 190)));

    private Seed2010() {
    }

    /** true for a run made with {@code --preset seed2010} (its manifest says so) */
    public static boolean applies(Run run) {
        Optional<Setting> preset = run.manifest().settings().entry(PRESET_SETTING);
        return preset.isPresent() && preset.get().values().contains(PRESET);
    }

    /** the 2010 rows of each network, then ours on its counterpart; our other networks follow, ours only */
    public static Table table(Run run) {
        // our strategies only: a ceiling (iperf3) has no 2010 row and none of its counts
        List<SeriesSummary> series = SeriesSummary.of(run).stream().filter(s -> s.key().role() == SeriesRole.STRATEGY).toList();
        Table ours = SeedTable.of(series);
        boolean sendfile = ours.header().size() > SeedTable.HEADER.size();
        List<List<String>> rows = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (Network2010 n : SEED) {
            rows.add(seedRow(n.writev(), sendfile));
            rows.add(seedRow(n.write(), sendfile));
            counterpart(run, n).ifPresent(network -> {
                shown.add(network);
                addOurs(ours, network, rows);
            });
        }
        run.manifest().settings().networks().stream().filter(n -> !shown.contains(n)).forEach(n -> addOurs(ours, n, rows));
        List<String> header = new ArrayList<>(HEADER);
        if (sendfile) {
            header.add(6, "sendfile count");
        }
        return Table.of(header, rows);
    }

    /** per 2010 network: its ratio of means, and ours (the headline's median per-round ratio) on its counterpart */
    public static Table ratios(Run run) {
        List<List<String>> rows = new ArrayList<>();
        for (Network2010 n : SEED) {
            Optional<Comparisons.SeriesComparison> ours = counterpart(run, n).flatMap(network -> headline(run, network));
            String network = n.name() + counterpart(run, n).map(c -> " / " + c).orElse("");
            rows.add(List.of(network, Cells.fixed(n.ratio(), 3) + "× (means of 10 trials)",
                    ours.map(c -> Cells.fixed(c.comparison().medianRatio(), 3) + "× (median of " + c.comparison().rounds()
                            + " per-round ratios)").orElse(Cells.MISSING),
                    ours.map(c -> Cells.interval(c.comparison().ratioCi(), 3) + (c.comparison().ratioCi().defined() ? "×" : ""))
                            .orElse(Cells.MISSING)));
        }
        return Table.of(RATIO_HEADER, rows);
    }

    /** what differs between the 2010 set-up and this run, one line each */
    public static List<String> differences(Run run) {
        Map<String, String> env = run.manifest().environment();
        List<String> out = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (Network2010 n : SEED) {
            counterpart(run, n).ifPresent(c -> links.add(c + " " + Optional.ofNullable(env.get("network." + c)).orElse("")));
        }
        out.add("links: 2010 real GbE and InfiniBand (IPoIB) NICs between hosts; here "
                + (links.isEmpty() ? "no emulated counterpart (" + String.join(", ", run.manifest().settings().networks()) + ")"
                : "emulated on this machine: " + String.join("; ", links).strip()));
        out.add("CPUs: 2010 2× Intel Xeon dual-core 3 GHz, 6 GB; here " + env.getOrDefault("cpu.model", "?") + ", "
                + env.getOrDefault("cpu.cores", "?") + " cores, " + memory(env.getOrDefault("memory.total", "?")));
        out.add("kernel: 2010 a Linux of its day (not given in the post), guest Fedora 11; here Linux "
                + env.getOrDefault("kernel", "?") + ", " + env.getOrDefault("java.vm", "a JVM") + ", no guest: synthetic RAM");
        out.add("pages: 2010 about 1.05 M pages a trial (more than one pass of its 512 MB guest); here one pass of "
                + ramText(run));
        out.add("timed: 2010 the sender's loop over RAM blocks (CPU tick counter); here send time, from the first stream "
                + "byte to the final flush");
        out.add("pages per writev: 2010 about 123 (1,016,808 nodup pages / 8,269 writev calls); here --batch "
                + run.manifest().settings().entry("batch").map(Setting::text).orElse("?") + " pages");
        return out;
    }

    /** /proc/meminfo's "24684092 kB" as "23.5 GiB of memory" */
    private static String memory(String total) {
        String[] parts = total.trim().split("\\s+");
        try {
            return parts.length == 2 && parts[1].equals("kB")
                    ? String.format(Locale.ROOT, "%.1f GiB of memory", Long.parseLong(parts[0]) / (1024.0 * 1024)) : total + " of memory";
        } catch (NumberFormatException e) {
            return total + " of memory";
        }
    }

    /** "512 MiB (131072 pages)", comma-joined for a RAM sweep */
    private static String ramText(Run run) {
        var ram = run.manifest().settings().ram();
        return ram.sizes().stream().map(b -> String.format(Locale.ROOT, "%d MiB (%d pages)", b >> 20, b / ram.pageSize()))
                .reduce((a, b) -> a + ", " + b).orElse("?");
    }

    /** our network for a 2010 one: the first whose name holds its word ("link:gbe" for GbE, not "link:10gbe") */
    private static Optional<String> counterpart(Run run, Network2010 n) {
        return run.manifest().settings().networks().stream()
                .filter(net -> net.equals("link:" + n.ours()) || net.equals(n.ours())).findFirst();
    }

    private static Optional<Comparisons.SeriesComparison> headline(Run run, String network) {
        return Comparisons.against(run, Comparisons.DEFAULT_BASELINE).stream()
                .filter(c -> c.candidate().key().network().equals(network) && c.candidate().key().strategy().equals("vectored"))
                .findFirst();
    }

    private static List<String> seedRow(Row row, boolean sendfile) {
        List<String> cells = new ArrayList<>(row.cells());
        if (sendfile) {
            cells.add(6, "0 (0)");
        }
        return cells;
    }

    private static void addOurs(Table ours, String network, List<List<String>> rows) {
        for (List<String> row : ours.rows()) {
            if (row.get(0).equals(network)) {
                List<String> cells = new ArrayList<>();
                cells.add("ours");
                cells.addAll(row);
                rows.add(cells);
            }
        }
    }
}
