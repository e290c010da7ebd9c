package workbench.harness.cli;

import java.util.regex.Pattern;

/** Secrets never reach a result file or a log: a token's value on a recorded command line becomes ***. */
final class Redaction {
    static final String HIDDEN = "***";
    private static final Pattern TOKEN = Pattern.compile("(--token[= ])(\"[^\"]*\"|'[^']*'|\\S+)");

    private Redaction() {
    }

    static String commandLine(String line) {
        return TOKEN.matcher(line).replaceAll("$1" + HIDDEN);
    }
}
