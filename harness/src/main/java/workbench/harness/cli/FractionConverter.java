package workbench.harness.cli;

import picocli.CommandLine;

/** Fractions: 0.034 or 3.4%, within [0, 1]. */
public final class FractionConverter implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        String s = value.trim();
        try {
            double f = s.endsWith("%") ? Double.parseDouble(s.substring(0, s.length() - 1)) / 100 : Double.parseDouble(s);
            if (!(f >= 0 && f <= 1)) {
                throw new NumberFormatException();
            }
            return f;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not a fraction in [0, 1]; write e.g. 0.034 or 3.4%");
        }
    }
}
