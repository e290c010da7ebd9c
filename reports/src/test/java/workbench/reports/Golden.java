package workbench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Golden files seal the formats. Run with {@code -Dgolden.update=true} to rewrite them from the
 * current output (then read the diff before committing).
 */
public final class Golden {
    private Golden() {
    }

    /** compares {@code actual} with the resource at {@code resource}, e.g. "/workbench/reports/table/trials.csv" */
    public static void assertMatches(String resource, String actual) {
        if (Boolean.getBoolean("golden.update")) {
            try {
                Path file = Path.of("src/test/resources" + resource);
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        try (InputStream in = Golden.class.getResourceAsStream(resource)) {
            assertThat(in).as("golden file %s (create it with -Dgolden.update=true)", resource).isNotNull();
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(actual).as("output sealed by %s", resource).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** runs {@code body} with a comma-decimal default locale, as a German user would */
    public static void underGermanLocale(Runnable body) {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            body.run();
        } finally {
            Locale.setDefault(saved);
        }
    }
}
