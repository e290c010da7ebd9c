package workbench.workloads.live;

import java.util.Locale;

/**
 * Which pages a guest's writers pick.
 *
 * @param kind      uniform over all RAM, a hot set, or sequential sweeps
 * @param hotPages  (HOT) the fraction of pages in the hot set: the first pages of the RAM
 * @param hotWrites (HOT) the fraction of writes that land in it
 */
public record WritePattern(Kind kind, double hotPages, double hotWrites) {
    public enum Kind {
        UNIFORM, HOT, SWEEP
    }

    public static final WritePattern UNIFORM = new WritePattern(Kind.UNIFORM, 0, 0);
    public static final WritePattern SWEEP = new WritePattern(Kind.SWEEP, 0, 0);

    public WritePattern {
        if (kind == Kind.HOT && !(hotPages > 0 && hotPages <= 1 && hotWrites >= 0 && hotWrites <= 1)) {
            throw new IllegalArgumentException("--write-pattern hot: the hot set must be a fraction in (0, 1] of the pages"
                    + " and receive a fraction in [0, 1] of the writes, e.g. hot:10%:90%");
        }
    }

    /** uniform, sweep, hot (10% of the pages take 90% of the writes) or hot:P:W with fractions P and W */
    public static WritePattern parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("uniform")) {
            return UNIFORM;
        }
        if (s.equals("sweep")) {
            return SWEEP;
        }
        if (s.equals("hot")) {
            return new WritePattern(Kind.HOT, 0.1, 0.9);
        }
        String[] parts = s.split(":");
        if (parts.length == 3 && parts[0].equals("hot")) {
            return new WritePattern(Kind.HOT, fraction(parts[1]), fraction(parts[2]));
        }
        throw new IllegalArgumentException("--write-pattern: '" + text + "' is not uniform, sweep, hot or hot:P:W (e.g. hot:10%:90%)");
    }

    /** the text parse reads back */
    public String text() {
        return switch (kind) {
            case UNIFORM -> "uniform";
            case SWEEP -> "sweep";
            case HOT -> "hot:" + hotPages + ":" + hotWrites;
        };
    }

    private static double fraction(String s) {
        try {
            return s.endsWith("%") ? Double.parseDouble(s.substring(0, s.length() - 1)) / 100 : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--write-pattern: '" + s + "' is not a fraction (0.1 or 10%)");
        }
    }
}
