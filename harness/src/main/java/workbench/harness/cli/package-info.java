/**
 * Floor 7, the top: picocli commands, the shared options mixin ({@code --help}, {@code --version}
 * with the commit, {@code --verbose}), converters, redaction of secrets from recorded command lines,
 * and the one place where failures become exit codes ({@code CliErrors}).
 */
package workbench.harness.cli;
