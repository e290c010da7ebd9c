package workbench.harness.cli;

import picocli.CommandLine.Option;

/** The options every command shares: help, the version with its commit, and stack traces. */
final class CommonOptions {
    /** the name picocli files this mixin under, for {@link CliErrors} */
    static final String MIXIN = "common";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "print the version and commit, and exit")
    boolean version;

    @Option(names = "--verbose", description = "stack traces with errors")
    boolean verbose;
}
