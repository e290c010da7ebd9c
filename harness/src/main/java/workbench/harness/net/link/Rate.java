package workbench.harness.net.link;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link rate in decimal bits per second, as {@code tc} and DESIGN.md write it: {@code 800kbit},
 * {@code 100mbit}, {@code 1gbit}, {@code 2.5gbit} (1 gbit = 10⁹ bit/s). Zero means "unshaped".
 */
public record Rate(long bitsPerSecond) {

    /** No shaping: the link runs as fast as the veth and the CPUs allow. */
    public static final Rate UNSHAPED = new Rate(0);

    /** The accepted forms, for error messages. */
    public static final String FORMS = "a number with bit, kbit, mbit, gbit or tbit (decimal: 1gbit = 10^9 bit/s), e.g. 800kbit, 100mbit, 2.5gbit";

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)bit", Pattern.CASE_INSENSITIVE);

    public Rate {
        if (bitsPerSecond < 0) {
            throw new IllegalArgumentException("a rate cannot be negative: " + bitsPerSecond + " bit/s");
        }
    }

    /**
     * Parses {@code 2.5gbit} and the like.
     *
     * @throws IllegalArgumentException one line naming the accepted forms
     */
    public static Rate parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("bad rate '" + text + "': expected " + FORMS);
        }
        BigDecimal bits = new BigDecimal(m.group(1)).scaleByPowerOfTen(exponent(m.group(2)));
        if (bits.signum() == 0) {
            throw new IllegalArgumentException("bad rate '" + text + "': must be above 0 (leave the rate out for an unshaped link)");
        }
        try {
            return new Rate(bits.longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("bad rate '" + text + "': not a whole number of bit/s below 2^63; expected " + FORMS);
        }
    }

    public boolean unshaped() {
        return bitsPerSecond == 0;
    }

    /** Bytes per second (rounded down). */
    public long bytesPerSecond() {
        return bitsPerSecond / 8;
    }

    /** How {@code tc} is told: exact bits per second, e.g. {@code 2500000000bit}. */
    public String tcArgument() {
        return bitsPerSecond + "bit";
    }

    /** The shortest spec that parses back to this rate, e.g. {@code 2.5gbit}; {@code 0} when unshaped. */
    public String spec() {
        if (unshaped()) {
            return "0";
        }
        String[] units = {"bit", "kbit", "mbit", "gbit", "tbit"};
        int unit = scaleIndex();
        return plain(unit) + units[unit];
    }

    /** For people: {@code 2.5 Gbit/s}, {@code 800 kbit/s}, or {@code unshaped}. */
    @Override
    public String toString() {
        if (unshaped()) {
            return "unshaped";
        }
        String[] units = {"bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s"};
        int unit = scaleIndex();
        return plain(unit) + " " + units[unit];
    }

    private int scaleIndex() {
        int unit = 0;
        long v = bitsPerSecond;
        while (unit < 4 && v >= 1000) {
            v /= 1000;
            unit++;
        }
        return unit;
    }

    private String plain(int unit) {
        return BigDecimal.valueOf(bitsPerSecond).scaleByPowerOfTen(-3 * unit).stripTrailingZeros().toPlainString();
    }

    private static int exponent(String prefix) {
        switch (prefix.toLowerCase(Locale.ROOT)) {
            case "k": return 3;
            case "m": return 6;
            case "g": return 9;
            case "t": return 12;
            default: return 0;
        }
    }
}
