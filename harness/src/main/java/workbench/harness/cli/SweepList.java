package workbench.harness.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine;

/** A comma list on an option: one value, or several to sweep. Each value passes the option's own parser. */
record SweepList<T>(String option, List<String> texts, List<T> values) {
    static <T> SweepList<T> parse(String option, String text, Function<String, T> parser) {
        List<String> texts = new ArrayList<>();
        List<T> values = new ArrayList<>();
        for (String part : text.split(",")) {
            String t = part.trim();
            try {
                values.add(parser.apply(t));
            } catch (CommandLine.TypeConversionException | IllegalArgumentException e) {
                throw new IllegalArgumentException(option + ": " + e.getMessage());
            }
            texts.add(t);
        }
        if (texts.stream().distinct().count() != texts.size()) {
            throw new IllegalArgumentException(option + " lists a value twice: " + text);
        }
        return new SweepList<>(option, List.copyOf(texts), List.copyOf(values));
    }

    /** one value of an option that does not sweep, through its parser, failing as a sweep's values do */
    static <T> T single(String option, String text, Function<String, T> parser) {
        try {
            return parser.apply(text.trim());
        } catch (CommandLine.TypeConversionException | IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    boolean swept() {
        return values.size() > 1;
    }

    /** the value for the manifest: one value as itself, several as a list */
    Object configured(Function<T, Object> shown) {
        return swept() ? values.stream().map(shown).toList() : shown.apply(values.get(0));
    }

    static long size(String s) {
        return SizeConverter.parse(s);
    }

    static int intSize(String s) {
        long v = SizeConverter.parse(s);
        if (v > 64 << 20) {
            throw new IllegalArgumentException(s + " is over 64M");
        }
        return (int) v;
    }

    /** the receiver's read buffer: from a page to 64 MiB (a zero-byte buffer would spin for ever) */
    static int readBuffer(String s) {
        int v = intSize(s);
        if (v < 4096) {
            throw new IllegalArgumentException(s + " is below 4K, the smallest read buffer");
        }
        return v;
    }

    /** multifd channels: 1 to QEMU's limit of 255 */
    static int channels(String s) {
        int v = positiveInt(s);
        if (v > workbench.harness.io.SinkOptions.MAX_CHANNELS) {
            throw new IllegalArgumentException(s + " is over " + workbench.harness.io.SinkOptions.MAX_CHANNELS + ", QEMU's most multifd channels");
        }
        return v;
    }

    /** a socket buffer: "auto" (kernel autotuning, 0) or a size */
    static int socketBuffer(String s) {
        return s.equalsIgnoreCase("auto") ? 0 : intSize(s);
    }

    static boolean onOff(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException("'" + s + "' is not on or off");
        };
    }

    static double fraction(String s) {
        return new FractionConverter().convert(s);
    }

    static int positiveInt(String s) {
        try {
            int v = Integer.parseInt(s);
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a positive whole number");
        }
    }
}
