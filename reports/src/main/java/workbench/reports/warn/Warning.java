package workbench.reports.warn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import workbench.reports.model.Rounds;
import workbench.reports.model.Run;
import workbench.reports.model.SeriesRole;
import workbench.reports.model.TrialResult;
import workbench.reports.model.TrialStatus;
import workbench.reports.stats.Metric;
import workbench.reports.stats.Series;
import workbench.reports.stats.Summary;

/**
 * What a reader of a run's figures should know before trusting them. Each constant checks the run
 * and words its finding around what the user already did (the warm-up and trial counts they chose).
 */
public enum Warning {
    /** the run did not end normally: figures cover the trials so far */
    INCOMPLETE_RUN,
    /** some trials failed: reported apart, never averaged */
    FAILED_TRIALS,
    /** a series' send time varies by more than {@link #HIGH_CV_LIMIT} of its mean */
    HIGH_CV,
    /**
     * a trial lies more than {@link #OUTLIER_MADS} scaled MADs and more than {@link #OUTLIER_FLOOR} of
     * the median from its series' median send time
     */
    OUTLIER,
    /** a series' send time moved between the first and the second half of its trials */
    DRIFT,
    /**
     * no warm-up round before series are compared: each network's first trial ran before the JIT had
     * compiled the sending and receiving code, a cost only its series pays
     */
    COLD_START,
    /** a series had no receiver to check the RAM it sent (the null network) */
    UNVERIFIED,
    /** other programs used CPU beside the sender and receiver, or the hypervisor stole CPU */
    OUTSIDE_LOAD,
    /** an adaptive run (--ci-target) stopped at --max-trials before every series' CI was narrow enough */
    CONFIDENCE_NOT_ACHIEVED,
    /** runs laid side by side although their guest RAM differs (raised by a comparison, never by one run) */
    INCOMPARABLE_RUNS;

    /** cores of CPU use beyond the run's own processes that make a trial suspect */
    public static final double OUTSIDE_CORES = 0.5;
    /** steal fraction that makes a trial suspect */
    public static final double STEAL_LIMIT = 0.05;
    /** trials shorter than this are judged only on the run's average: 10 ms CPU ticks make their own figures noise */
    public static final double LOAD_MIN_SECONDS = 1.0;

    /** CV above which a series is called noisy */
    public static final double HIGH_CV_LIMIT = 0.10;
    /** how many scaled MADs from the median make a trial an outlier */
    public static final double OUTLIER_MADS = 3;
    /** outliers named one by one; beyond them the warning says how many */
    public static final int OUTLIERS_NAMED = 5;
    /** the least deviation, as a fraction of the median, that makes an outlier: tight series' MADs are tiny */
    public static final double OUTLIER_FLOOR = 0.05;
    /** the change of the median send time between a series' halves that counts as drift */
    public static final double DRIFT_LIMIT = 0.05;
    /** the significance a drift needs (Mann–Whitney, first half against second) */
    public static final double DRIFT_P = 0.05;
    /** the fewest measured trials in which drift is looked for (three a half) */
    public static final int DRIFT_MIN_TRIALS = 6;
    /** scales the median absolute deviation to estimate the sd of normal data */
    public static final double MAD_SCALE = 1.4826;

    /**
     * One warning raised by a run.
     *
     * @param warning what kind
     * @param subject what it is about: a series label, or "run"
     * @param text    one sentence with the figures and what to do
     */
    public record Found(Warning warning, String subject, String text) {
        /** "subject: text" */
        public String line() {
            return subject + ": " + text;
        }
    }

    /** every warning the run raises, in enum order, then in series order */
    public static List<Found> check(Run run) {
        List<Series> series = Series.of(run);
        List<Found> out = new ArrayList<>();
        for (Warning w : values()) {
            w.check(run, series, out);
        }
        return List.copyOf(out);
    }

    private void check(Run run, List<Series> series, List<Found> out) {
        switch (this) {
            case INCOMPLETE_RUN -> {
                if (!run.complete()) {
                    out.add(new Found(this, "run", run.failure()
                            .map(why -> "stopped early (" + why.replace('\n', ' ') + "); figures cover the "
                                    + run.trials().size() + " trials that ran")
                            .orElse("not complete (still running, or killed); figures cover the "
                                    + run.trials().size() + " trials so far")));
                }
            }
            case FAILED_TRIALS -> {
                List<TrialResult> failed = run.trials().stream().filter(t -> t.status() == TrialStatus.FAILED).toList();
                if (!failed.isEmpty()) {
                    out.add(new Found(this, "run", failed.size() + " trial" + (failed.size() == 1 ? "" : "s")
                            + " failed and " + (failed.size() == 1 ? "is" : "are") + " never averaged (first: trial "
                            + failed.get(0).index() + ", " + failed.get(0).failureReason().orElse("no reason recorded")
                            + ")"));
                }
            }
            case HIGH_CV -> series.forEach(s -> highCv(run, s, out));
            case OUTLIER -> series.forEach(s -> outliers(run, s, out));
            case DRIFT -> series.forEach(s -> drift(run, s, out));
            case COLD_START -> coldStart(run, series, out);
            case UNVERIFIED -> series.stream().filter(s -> !s.verified() && s.key().role() == SeriesRole.UNVERIFIED)
                    .forEach(s -> out.add(new Found(this,
                    s.label(), "no receiver checked the RAM these " + s.trials().size()
                            + " trials sent; shown apart and compared only with other unverified series")));
            case OUTSIDE_LOAD -> outsideLoad(run, out);
            case CONFIDENCE_NOT_ACHIEVED -> confidence(run, series, out);
            case INCOMPARABLE_RUNS -> {
                // a property of several runs: see workbench.reports.compare.RunSet#warnings
            }
        }
    }

    private void highCv(Run run, Series s, List<Found> out) {
        Summary t = Summary.of(s.values(Metric.SEND_SECONDS));
        if (Double.isFinite(t.cv()) && t.cv() > HIGH_CV_LIMIT) {
            var settings = run.manifest().settings();
            long ram = settings.ram().sizes().stream().mapToLong(Long::longValue).max().orElse(0);
            out.add(new Found(this, s.label(), format("send time varies by CV %.1f%% (over %.0f%%). What lowers a CV: more"
                            + " RAM per trial (--ram, now %s), more warm-up (--warmup, now %d), a quieter machine, pinning"
                            + " (--pin); more trials (--trials, now %d) do not lower it, they narrow the CI",
                    100 * t.cv(), 100 * HIGH_CV_LIMIT, mib(ram), settings.rounds().warmup(), settings.rounds().trials())));
        }
    }

    private void outliers(Run run, Series s, List<Found> out) {
        double[] v = s.values(Metric.SEND_SECONDS);
        double median = Summary.of(v).median();
        double mad = MAD_SCALE * Summary.of(Arrays.stream(v).map(x -> Math.abs(x - median)).toArray()).median();
        // a relative floor: in a tight series a 3-MAD step can be well under a percent, which is no outlier
        double limit = Math.max(OUTLIER_MADS * mad, OUTLIER_FLOOR * median);
        if (!(limit > 0)) {
            return;
        }
        List<String> far = new ArrayList<>();
        for (TrialResult t : s.trials()) {
            if (Math.abs(t.sendSeconds() - median) > limit) {
                far.add(format("trial %d (round %d, %.4f s)", t.index(), t.round(), t.sendSeconds()));
            }
        }
        if (!far.isEmpty()) {
            int warmup = run.manifest().settings().rounds().warmup();
            // a long run's outliers named in full would bury the other warnings: the first few, then how many in all
            String named = far.size() <= OUTLIERS_NAMED ? String.join(", ", far)
                    : String.join(", ", far.subList(0, OUTLIERS_NAMED)) + format(", … (%d of %d trials)", far.size(), s.trials().size());
            out.add(new Found(this, s.label(), named + format(" lie%s more than %.0f MADs and %.0f%% from"
                    + " the median %.4f s; see the trials-in-order chart (early rounds point to too little warm-up:"
                    + " --warmup is %d)", far.size() == 1 ? "s" : "", OUTLIER_MADS, 100 * OUTLIER_FLOOR, median, warmup)));
        }
    }

    /**
     * The first half of a series' trials against the second (the middle one of an odd count left
     * out): drift when their medians differ by more than {@link #DRIFT_LIMIT} and a Mann–Whitney
     * test puts the halves apart at {@link #DRIFT_P}.
     */
    private void drift(Run run, Series s, List<Found> out) {
        double[] v = s.values(Metric.SEND_SECONDS);
        if (v.length < DRIFT_MIN_TRIALS || Arrays.stream(v).anyMatch(x -> !Double.isFinite(x))) {
            return;
        }
        double[] first = Arrays.copyOfRange(v, 0, v.length / 2);
        double[] second = Arrays.copyOfRange(v, (v.length + 1) / 2, v.length);
        double before = Summary.of(first).median();
        double after = Summary.of(second).median();
        double change = after / before - 1;
        if (Math.abs(change) > DRIFT_LIMIT && new MannWhitneyUTest().mannWhitneyUTest(first, second) < DRIFT_P) {
            out.add(new Found(this, s.label(), format("send time drifted over the run: median %.4f s over the first %d"
                            + " trials, %.4f s over the last %d (%+.1f%%); something changed while it ran (other load,"
                            + " frequency or thermal state, memory). Paired per-round ratios cancel drift that hits every"
                            + " series alike; see the trials-in-order chart, and raise --warmup (now %d) if the early trials"
                            + " are the odd ones", before, first.length, after, second.length, 100 * change,
                    run.manifest().settings().rounds().warmup())));
        }
    }

    /**
     * With {@code --warmup 0} the first series measured in each network (a network has its own
     * receiver, and a link its own sender) ran its first trial with interpreted code: measured here,
     * a checkpoint's ack path took 0.5–1 ms in the first trial and 0.05 ms once compiled.
     */
    private void coldStart(Run run, List<Series> series, List<Found> out) {
        if (run.manifest().settings().rounds().warmup() > 0) {
            return;
        }
        Map<String, List<Series>> byNetwork = new LinkedHashMap<>();
        series.stream().filter(s -> s.key().role() == SeriesRole.STRATEGY)
                .forEach(s -> byNetwork.computeIfAbsent(s.key().network(), n -> new ArrayList<>()).add(s));
        for (List<Series> compared : byNetwork.values()) {
            if (compared.size() < 2) {
                continue;
            }
            Series first = compared.stream().min(Comparator.comparingInt(s -> s.trials().get(0).index())).orElseThrow();
            int n = first.trials().size();
            out.add(new Found(this, first.label(), format("no warm-up round (--warmup 0): its trial %d ran before the JIT had"
                            + " compiled the sending and receiving code, a cost the series after it do not pay (a"
                            + " checkpoint's ack path measured 0.5–1 ms cold and 0.05 ms warm here)%s; use --warmup 1 or"
                            + " more before comparing series", first.trials().get(0).index(),
                    n == 1 ? ", and with one trial it is the series' whole figure" : "")));
        }
    }

    private static String mib(long bytes) {
        return bytes % (1L << 30) == 0 && bytes > 0 ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
    }

    /**
     * Machine-wide user-mode CPU (all cores) minus the user time of the run's sender and receiver
     * processes, per trial: more than {@link #OUTSIDE_CORES} cores, or steal above
     * {@link #STEAL_LIMIT}, means another program competed for the CPU while the trial ran. User
     * mode only, because the kernel's network work for the run (softirq, ksoftirqd on a veth) is
     * charged to no process of ours and would read as outside load.
     */
    private void outsideLoad(Run run, List<Found> out) {
        double cores = number(run.manifest().environment().get("cpu.cores"));
        if (!(cores > 0)) {
            return;
        }
        List<String> suspect = new ArrayList<>();
        double outsideSeconds = 0;
        double wallSeconds = 0;
        for (TrialResult t : run.trials()) {
            double wall = t.transferSeconds();
            if (t.warmup() || !(wall > 0)) {
                continue;
            }
            double outside = t.machineUser() * cores * wall - (t.sender().processUser() + t.receiver().processUser());
            outsideSeconds += outside;
            wallSeconds += wall;
            // 10 ms CPU ticks make one short trial's figure noise: judge single trials only when long
            if ((wall >= LOAD_MIN_SECONDS && outside / wall > OUTSIDE_CORES) || t.machineSteal() > STEAL_LIMIT) {
                suspect.add("trial " + t.index());
            }
        }
        // CPU ticks read slightly apart from the machine's: a quiet run's difference can dip below zero, which is none
        double average = wallSeconds > 0 ? Math.max(0, outsideSeconds / wallSeconds) : 0;
        if (average > OUTSIDE_CORES / 2 || !suspect.isEmpty()) {
            out.add(new Found(this, "run", format("other programs used on average %.2f of %.0f cores in user mode beside the"
                    + " sender and receiver%s; rerun on a quiet machine or compare paired ratios only", average, cores,
                    suspect.isEmpty() ? "" : "; most in " + String.join(", ", suspect.subList(0, Math.min(5, suspect.size())))
                            + (suspect.size() > 5 ? ", …" : "") + " (over " + OUTSIDE_CORES + " cores, or steal over "
                            + Math.round(100 * STEAL_LIMIT) + "%)")));
        }
    }

    private void confidence(Run run, List<Series> series, List<Found> out) {
        Rounds rounds = run.manifest().settings().rounds();
        double t = rounds.ciTarget().orElse(Double.NaN);
        if (!(t > 0)) {
            return;
        }
        for (Series s : series) {
            Summary sum = Summary.of(s.values(Metric.SEND_SECONDS));
            double relative = sum.ci().defined() ? sum.ci().halfWidth() / sum.mean() : Double.POSITIVE_INFINITY;
            if (!(relative <= t)) {
                out.add(new Found(this, s.label(), format("confidence not achieved: the 95%% CI is ±%.1f%% of the mean,"
                        + " over the --ci-target of %.1f%%, after %d trials; raise --max-trials (now %d) or quiet the machine",
                        100 * relative, 100 * t, sum.n(), rounds.maxTrials())));
            }
        }
    }

    private static double number(String s) {
        try {
            return s == null ? Double.NaN : Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
