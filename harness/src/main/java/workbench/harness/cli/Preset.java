package workbench.harness.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import workbench.reports.table.Seed2010;

/**
 * {@code run --preset NAME}: a named set of options, applied beneath what is typed (any option given
 * beside the preset overrides it) and recorded in the manifest, so the report knows to lay the run
 * beside the experiment it re-creates.
 */
enum Preset {
    /**
     * The 2010 experiment (shared/seed-experiment.md) as closely as this machine allows: a 512 MiB
     * guest with 3.4% dup pages sent as 2010's QEMU did (any page of one byte is a fill record),
     * emulated GbE and IPoIB, 10 rounds, the 32 KiB QEMUFile buffer, and 123 pages per writev
     * (2010: 1,016,808 nodup pages in 8,269 writev calls).
     */
    SEED2010(Seed2010.PRESET, "--ram", "512M", "--dup", "3.4%", "--uniform", "0", "--dup-policy", "uniform", "--net", "link:gbe,link:ipoib",
            "--strategies", "vectored,scalar", "--trials", "10", "--scalar-buffer", "32K", "--batch", "123");

    private final String text;
    private final List<String> args;

    Preset(String text, String... args) {
        this.text = text;
        this.args = List.of(args);
    }

    /** the name as typed and recorded */
    String text() {
        return text;
    }

    /** the preset's options as command-line words, each option followed by its value */
    List<String> args() {
        return args;
    }

    static Preset parse(String name) {
        return Arrays.stream(values()).filter(p -> p.text.equals(name.trim().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--preset: unknown preset '" + name + "' (known: "
                        + Arrays.stream(values()).map(Preset::text).collect(Collectors.joining(", ")) + ")"));
    }

    /** the names, for help and completion */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Arrays.stream(values()).map(Preset::text).iterator();
        }
    }
}
