package workbench.harness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The workbench's version and the commit it was built from. */
public final class Version {
    private Version() {
    }

    /** "0.1.0", as the control protocol's hello carries it */
    public static String get() {
        return properties().getProperty("version", "unknown");
    }

    /** "0.1.0 (commit abc1234)" with "+ uncommitted changes" when built from a dirty tree, for manifests */
    public static String describe() {
        Properties p = properties();
        String commit = p.getProperty("commit", "");
        if (commit.isEmpty() || commit.startsWith("${")) {
            return get() + " (commit unknown)";
        }
        return get() + " (commit " + commit + ("true".equals(p.getProperty("dirty")) ? " + uncommitted changes" : "") + ")";
    }

    private static Properties properties() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/workbench/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource leaves the version unknown
        }
        return p;
    }
}
