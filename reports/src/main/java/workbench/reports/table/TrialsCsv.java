package workbench.reports.table;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import workbench.reports.files.AtomicFile;
import workbench.reports.files.RunWriter;
import workbench.reports.model.Cpu;
import workbench.reports.model.LiveFigures;
import workbench.reports.model.Run;
import workbench.reports.model.TrialResult;
import workbench.reports.stats.LiveMetric;
import workbench.reports.stats.Metric;

/**
 * trials.csv: one row per trial (warm-up and failed included) with every recorded figure and the
 * derived throughput and CPU cost. RFC 4180 but for its line ends: comma-separated, LF line ends (as
 * run.json and every other file of a run), fields with a comma, quote or line break quoted, quotes
 * doubled. Numbers are locale-free: integers as they are, decimals in shortest plain notation, NaN or
 * infinity as an empty field, as is an optional figure the trial does not have (mispredictions of a
 * buffered receiver, an unknown peak RSS). Enum values are run.json's lower-case words.
 *
 * <p>Column names are stable and lowerCamelCase, one convention with run.json and summary.json: a
 * stored figure's column is its run.json field name ({@code sendSeconds}, {@code streamBytes}),
 * prefixed by the object it sits in where the name alone would repeat ({@code senderThreadUser} is
 * {@code sender.threadUser}); a derived figure's column is its {@link Metric#column()} key, as in
 * summary.json. Each swept setting adds a {@code param.<option>} column after {@code role}, the option
 * name kept as run.json keeps it; a whole-number value is written as an integer ("128", never "128.0").
 *
 * <p>After them, {@code workload} (bulk, precopy or checkpoint) and the live figures, empty for a trial of
 * another workload: each {@link LiveMetric} by its column (latency quantiles and times in seconds), then
 * {@code precopyConverged} (true or false) and {@code precopyPassBytes}, the stream bytes of each pass in
 * order, the stop-and-copy pass last, separated by ';'.
 */
public final class TrialsCsv implements RunWriter {
    public static final String FILE_NAME = "trials.csv";

    private static final List<Metric> DERIVED = List.of(Metric.GBIT_PER_SECOND, Metric.MIB_PER_SECOND,
            Metric.SENDER_THREAD_CPU_PER_GIB, Metric.SENDER_PROCESS_CPU_PER_GIB, Metric.RECEIVER_PROCESS_CPU_PER_GIB);

    /** the workload column of a trial without live figures */
    private static final String BULK = "bulk";

    private static final Pattern WHOLE_DECIMAL = Pattern.compile("-?\\d+\\.0+");

    @Override
    public void write(Run run, Path dir) throws IOException {
        AtomicFile.write(dir.resolve(FILE_NAME), render(run));
    }

    public static String render(Run run) {
        SortedSet<String> params = new TreeSet<>();
        run.trials().forEach(t -> params.addAll(t.series().params().keySet()));
        StringBuilder out = new StringBuilder();
        line(out, header(params));
        for (TrialResult t : run.trials()) {
            line(out, row(t, params));
        }
        return out.toString();
    }

    private static List<String> header(SortedSet<String> params) {
        List<String> h = new ArrayList<>(List.of("index", "round", "warmup", "fork", "strategy", "network", "role"));
        params.forEach(p -> h.add("param." + p));
        h.addAll(List.of("status", "failure", "startedAt", "sendSeconds", "transferSeconds", "streamBytes",
                "dupPages", "nodupPages", "writeCalls", "writevCalls", "iovecs", "bytesCopied", "sendfileCalls"));
        for (String side : List.of("sender", "receiver")) {
            for (String part : List.of("ThreadUser", "ThreadSys", "ProcessUser", "ProcessSys", "ProcessTotal")) {
                h.add(side + part);
            }
        }
        h.addAll(List.of("retransmits", "machineBusy", "machineSteal", "machineUser", "mispredictions",
                "senderPeakRss", "receiverPeakRss"));
        DERIVED.forEach(m -> h.add(m.column()));
        h.add("workload");
        for (LiveMetric m : LiveMetric.values()) {
            h.add(m.column());
        }
        h.addAll(List.of("precopyConverged", "precopyPassBytes"));
        return h;
    }

    private static List<String> row(TrialResult t, SortedSet<String> params) {
        List<String> r = new ArrayList<>(List.of(Integer.toString(t.index()), Integer.toString(t.round()),
                Boolean.toString(t.warmup()), Integer.toString(t.fork()), t.series().strategy(), t.series().network(),
                t.series().role().json()));
        params.forEach(p -> r.add(whole(t.series().params().getOrDefault(p, ""))));
        var c = t.counts();
        r.addAll(List.of(t.status().json(), t.failureReason().orElse(""), t.startedAt(), number(t.sendSeconds()),
                number(t.transferSeconds()), Long.toString(c.streamBytes()), Long.toString(c.dupPages()),
                Long.toString(c.nodupPages()), Long.toString(c.writeCalls()), Long.toString(c.writevCalls()),
                Long.toString(c.iovecs()), Long.toString(c.bytesCopied()), Long.toString(c.sendfileCalls())));
        cpu(r, t.sender());
        cpu(r, t.receiver());
        r.addAll(List.of(Long.toString(t.retransmits()), number(t.machineBusy()), number(t.machineSteal()),
                number(t.machineUser()), integer(t.mispredictions()), integer(t.senderPeakRss()),
                integer(t.receiverPeakRss())));
        DERIVED.forEach(m -> r.add(number(m.of(t))));
        r.add(t.liveFigures().map(LiveFigures::workload).orElse(BULK));
        for (LiveMetric m : LiveMetric.values()) {
            r.add(whole(number(m.of(t)))); // counts as integers ("60", not "60.0")
        }
        var precopy = t.liveFigures().flatMap(LiveFigures::precopyFigures);
        r.add(precopy.map(p -> Boolean.toString(p.converged())).orElse(""));
        r.add(precopy.map(p -> p.passes().stream().map(pass -> Long.toString(pass.bytes())).collect(Collectors.joining(";")))
                .orElse(""));
        return r;
    }

    private static void cpu(List<String> r, Cpu cpu) {
        r.addAll(List.of(number(cpu.threadUser()), number(cpu.threadSys()), number(cpu.processUser()),
                number(cpu.processSys()), number(cpu.processTotal())));
    }

    /** an optional count as it is, or an empty field when absent */
    private static String integer(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "";
    }

    /** a swept value as recorded, but "128" for a whole number written as "128.0" (as some older runs did) */
    static String whole(String value) {
        return WHOLE_DECIMAL.matcher(value).matches() ? value.substring(0, value.indexOf('.')) : value;
    }

    /** shortest round-tripping decimal, never in exponent form, never with a locale's comma */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        BigDecimal plain = BigDecimal.valueOf(value);
        BigDecimal stripped = plain.stripTrailingZeros(); // 3.0E-4 is "0.0003", not "0.00030"; 128.0 stays "128.0"
        return (stripped.scale() > 0 ? stripped : plain).toPlainString();
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(fields.get(i)));
        }
        out.append('\n');
    }

    static String quote(String field) {
        boolean plain = field.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r');
        return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
    }
}
