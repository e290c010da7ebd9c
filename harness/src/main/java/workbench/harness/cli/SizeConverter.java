package workbench.harness.cli;

import java.util.Locale;
import picocli.CommandLine;

/** Binary sizes: 4096, 32K, 512M, 8G, 1T (also KiB/MiB/GiB/TiB). */
public final class SizeConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        return parse(value);
    }

    public static long parse(String value) {
        String s = value.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
        int shift = 0;
        if (!s.isEmpty()) {
            shift = switch (s.charAt(s.length() - 1)) {
                case 'K' -> 10;
                case 'M' -> 20;
                case 'G' -> 30;
                case 'T' -> 40;
                default -> 0;
            };
        }
        String digits = shift == 0 ? s : s.substring(0, s.length() - 1);
        try {
            long n = Long.parseLong(digits.trim());
            if (n < 0 || (shift > 0 && n > (Long.MAX_VALUE >> shift))) {
                throw new NumberFormatException();
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not a size; use bytes or a binary suffix, e.g. 4096, 32K, 512M, 8G");
        }
    }
}
