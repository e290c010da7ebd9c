package workbench.reports.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import workbench.reports.model.Run;
import workbench.reports.model.TrialResult;

/**
 * What each side of a transfer held and missed, beside the times: the peak resident memory of the
 * sending and receiving process per network, and a scatter receiver's mis-predictions per series.
 * Each table has no rows when the run recorded none of its figures.
 */
public final class SidesTable {
    /** what the summary and the report say under the memory table */
    public static final String MEMORY_NOTE = "Peak RSS is each process's VmHWM read at every trial's end, the "
            + "largest over the run; × is its ratio to the guest RAM the process holds (the sender every guest of "
            + "the run, a receiver the largest). n/a: no receiver (the null network), or it did not report one.";

    /** what the summary and the report say under the mis-prediction table */
    public static final String MISPREDICTION_NOTE = "Page records the scatter receiver predicted wrongly per "
            + "measured trial (it then restores the pages it wrote speculatively); a buffered receiver predicts nothing.";

    private static final double MIB = 1 << 20;

    private SidesTable() {
    }

    /** one row per network whose trials recorded a peak RSS: sender's and receiver's, each against its guests */
    public static Table peakMemory(Run run) {
        List<Long> sizes = run.manifest().settings().ram().sizes();
        long senderGuests = sizes.stream().mapToLong(Long::longValue).sum();
        long receiverGuest = sizes.stream().mapToLong(Long::longValue).max().orElse(0);
        List<List<String>> rows = new ArrayList<>();
        for (String network : networks(run)) {
            List<TrialResult> trials = run.trials().stream().filter(t -> t.series().network().equals(network)).toList();
            OptionalLong sender = largest(trials, TrialResult::senderPeakRss);
            OptionalLong receiver = largest(trials, TrialResult::receiverPeakRss);
            if (sender.isPresent() || receiver.isPresent()) {
                rows.add(List.of(network, memory(sender, senderGuests), memory(receiver, receiverGuest),
                        Cells.fixed(receiverGuest / MIB, 0)));
            }
        }
        return new Table(List.of("network", "sender peak RSS (MiB, × guests)", "receiver peak RSS (MiB, × guest)",
                "largest guest (MiB)"), List.of(Table.Align.LEFT, Table.Align.RIGHT, Table.Align.RIGHT, Table.Align.RIGHT),
                rows);
    }

    /** one row per series whose measured trials a scatter receiver took: mis-predictions per trial */
    public static Table mispredictions(Run run) {
        Map<String, List<TrialResult>> bySeries = new LinkedHashMap<>();
        run.trials().stream().filter(t -> t.measured() && t.mispredictions().isPresent())
                .forEach(t -> bySeries.computeIfAbsent(t.series().label(), k -> new ArrayList<>()).add(t));
        List<List<String>> rows = new ArrayList<>();
        bySeries.forEach((label, trials) -> {
            long[] missed = trials.stream().mapToLong(t -> t.mispredictions().getAsLong()).toArray();
            double records = trials.stream().mapToDouble(t -> t.counts().dupPages() + t.counts().nodupPages()).average()
                    .orElse(Double.NaN);
            double mean = Arrays.stream(missed).average().orElse(Double.NaN);
            rows.add(List.of(label, Integer.toString(missed.length), Cells.fixed(mean, 1),
                    Long.toString(Arrays.stream(missed).min().orElse(0)),
                    Long.toString(Arrays.stream(missed).max().orElse(0)),
                    Cells.fixed(1000 * mean / records, 2)));
        });
        List<Table.Align> align = new ArrayList<>(Collections.nCopies(6, Table.Align.RIGHT));
        align.set(0, Table.Align.LEFT);
        return new Table(List.of("series", "n", "mean per trial", "min", "max", "per 1000 page records"), align, rows);
    }

    private static Set<String> networks(Run run) {
        Set<String> networks = new LinkedHashSet<>();
        run.trials().forEach(t -> networks.add(t.series().network()));
        return networks;
    }

    private static OptionalLong largest(List<TrialResult> trials, Function<TrialResult, OptionalLong> figure) {
        return trials.stream().map(figure).filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).max();
    }

    /** "8558 (1.04×)", or n/a when unknown */
    private static String memory(OptionalLong peak, long guests) {
        if (peak.isEmpty()) {
            return Cells.MISSING;
        }
        String mib = Cells.fixed(peak.getAsLong() / MIB, 0);
        return guests > 0 ? mib + " (" + Cells.fixed((double) peak.getAsLong() / guests, 2) + "×)" : mib;
    }
}
