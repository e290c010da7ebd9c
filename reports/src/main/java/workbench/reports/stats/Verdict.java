package workbench.reports.stats;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import workbench.reports.model.LiveFigures;
import workbench.reports.model.Run;
import workbench.reports.model.Setting;

/**
 * What a comparison lets us say, and the one sentence that says it: console, summary.md and
 * report.html all print {@link #sentence()}.
 *
 * <p>The margin is symmetric in the log ratio: with {@code minEffect} m, ratios within
 * [1/(1+m), 1+m] are "the same" for practical purposes. Only {@link Outcome#CLAIM} says one side
 * is faster; an A/A run counts it as a false verdict.
 *
 * @param outcome    which of the five things the interval allows us to say
 * @param comparison the paired figures
 * @param minEffect  the margin m (0.02 for ±2%)
 */
public record Verdict(Outcome outcome, Comparison comparison, double minEffect) {
    /** --min-effect's default: ±2% */
    public static final double DEFAULT_MIN_EFFECT = 0.02;
    /** the settings entry that records --min-effect */
    public static final String MIN_EFFECT_SETTING = "min-effect";

    /** What the interval of the median per-round ratio says, against 1 and against the margin. */
    public enum Outcome {
        /** too few paired rounds for an interval: a point, no verdict */
        TOO_FEW_ROUNDS,
        /** the interval lies inside the margin */
        EQUIVALENT,
        /** the interval holds 1 but reaches past the margin */
        NO_DIFFERENCE,
        /** the interval excludes 1 but reaches into the margin */
        SMALL_DIFFERENCE,
        /** the interval excludes 1 and lies wholly outside the margin: the only claim of a difference */
        CLAIM;

        /** the word summary.json writes: lower case, hyphenated ("too-few-rounds", "claim") */
        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Verdict {
        if (!(minEffect >= 0 && minEffect < 1)) {
            throw new IllegalArgumentException("the effect margin must be a fraction in [0, 1), got " + minEffect);
        }
    }

    public static Verdict of(Comparison c, double minEffect) {
        return new Verdict(outcome(c.ratioCi(), minEffect), c, minEffect);
    }

    /** what an interval of a ratio lets us say against 1 and the margin [1/(1+m), 1+m] of m = {@code minEffect} */
    public static Outcome outcome(Interval ci, double minEffect) {
        double high = 1 + minEffect;
        double low = 1 / high;
        if (!ci.defined()) {
            return Outcome.TOO_FEW_ROUNDS;
        } else if (ci.low() >= low && ci.high() <= high) {
            return Outcome.EQUIVALENT;
        } else if (ci.contains(1)) {
            return Outcome.NO_DIFFERENCE;
        } else if (ci.low() > high || ci.high() < low) {
            return Outcome.CLAIM;
        }
        return Outcome.SMALL_DIFFERENCE;
    }

    /**
     * the words of an outcome that claims nothing, as every headline says them: "no verdict", "equivalent within ±2%",
     * "no significant difference", "a small difference within reach of the ±2% margin"; null for {@link Outcome#CLAIM},
     * whose words name the effect
     */
    public static String words(Outcome outcome, double minEffect) {
        String margin = "±" + percent(minEffect);
        return switch (outcome) {
            case TOO_FEW_ROUNDS -> "no verdict";
            case EQUIVALENT -> "equivalent within " + margin;
            case NO_DIFFERENCE -> "no significant difference";
            case SMALL_DIFFERENCE -> "a small difference within reach of the " + margin + " margin";
            case CLAIM -> null;
        };
    }

    /** the run's --min-effect as recorded in its settings; the default for runs that did not record one */
    public static double minEffect(Run run) {
        Optional<Setting> s = run.manifest().settings().entry(MIN_EFFECT_SETTING);
        if (s.isEmpty()) {
            return DEFAULT_MIN_EFFECT;
        }
        String text = s.get().values().get(0).trim();
        try {
            return text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1)) / 100 : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return DEFAULT_MIN_EFFECT;
        }
    }

    /** what every list of headlines says about them, with the run's margin (and how latency headlines are made, for checkpoints) */
    public static String note(Run run) {
        return "Each headline is the median of the per-round ratios baseline / candidate (send time; CPU seconds per GiB"
                + " for the CPU lines), paired by round, with the distribution-free 95% CI of that median (order statistics;"
                + " it needs at least " + MedianInterval.minValues(Summary.CONFIDENCE) + " paired rounds). A difference is"
                + " claimed only when the CI excludes 1 and lies wholly outside the ±" + percent(minEffect(run))
                + " margin (--min-effect, symmetric in the log ratio)." + (checkpoints(run) ? " " + LatencyComparison.NOTE : "");
    }

    private static boolean checkpoints(Run run) {
        return run.trials().stream().anyMatch(t -> t.liveFigures().flatMap(LiveFigures::checkpointFigures).isPresent());
    }

    /** true for the one outcome that claims a difference */
    public boolean claim() {
        return outcome == Outcome.CLAIM;
    }

    /**
     * <ul>
     * <li>"vectored saves 24.7% of scalar's time (speedup 1.33×, median of 10 per-round ratios, 95% CI 1.12–1.55×)"</li>
     * <li>"vectored vs scalar: no significant difference (speedup 1.07×, median of 10 per-round ratios, 95% CI 0.93–1.26×)"</li>
     * <li>"vectored vs scalar: equivalent within ±2% (…)"</li>
     * <li>"vectored vs scalar: a small difference within reach of the ±2% margin (speedup 1.03×, …)"</li>
     * <li>"vectored vs scalar: no verdict (speedup 1.07×, median of 3 per-round ratios; a 95% CI needs at least 6 paired rounds)"</li>
     * </ul>
     * On CPU the effect reads "vectored uses 24.2% less sender thread CPU per GiB than scalar (ratio …)", the
     * others name the quantity first: "sender thread CPU per GiB, vectored vs scalar: …".
     */
    public String sentence() {
        Comparison c = comparison;
        String pair = (time() ? "" : quantity() + ", ") + c.candidate() + " vs " + c.baseline() + ": ";
        String claim = outcome == Outcome.CLAIM ? effect() : pair + words(outcome, minEffect);
        int n = c.rounds();
        String point = format("%s %.2f×, median of %d per-round ratio%s", time() ? "speedup" : "ratio", c.medianRatio(), n,
                n == 1 ? "" : "s");
        String interval = c.ratioCi().defined()
                ? format(", %.0f%% CI %.2f–%.2f×", 100 * Summary.CONFIDENCE, c.ratioCi().low(), c.ratioCi().high())
                : format("; a %.0f%% CI needs at least %d paired rounds", 100 * Summary.CONFIDENCE,
                MedianInterval.minValues(Summary.CONFIDENCE));
        return claim + " (" + point + interval + ")";
    }

    /** "vectored saves 24.7% of scalar's time", "… costs 12.0% more than …", "vectored uses 24.2% less sender thread CPU per GiB than scalar" */
    private String effect() {
        Comparison c = comparison;
        double saved = c.timeSaved();
        double more = -saved;
        if (time()) {
            return saved >= 0
                    ? format("%s saves %.1f%% of %s's time", c.candidate(), 100 * saved, c.baseline())
                    : format("%s costs %.1f%% more than %s's time", c.candidate(), 100 * more, c.baseline());
        }
        String what = quantity();
        return saved >= 0
                ? format("%s uses %.1f%% less %s than %s", c.candidate(), 100 * saved, what, c.baseline())
                : format("%s uses %.1f%% more %s than %s", c.candidate(), 100 * more, what, c.baseline());
    }

    /** "sender thread CPU per GiB" */
    private String quantity() {
        return comparison.metric().label() + " per GiB";
    }

    private boolean time() {
        return comparison.metric() == Metric.SEND_SECONDS || comparison.metric() == Metric.TRANSFER_SECONDS;
    }

    /** 0.02 → "2%", 0.025 → "2.5%" */
    public static String percent(double fraction) {
        return BigDecimal.valueOf(100 * fraction).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + "%";
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
