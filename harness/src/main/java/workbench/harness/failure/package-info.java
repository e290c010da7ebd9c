/**
 * Floor 1 of the harness: how things fail. {@link workbench.harness.failure.ExitCode} (0 ok, 1 run
 * failed, 2 invalid input, 3 environment not ready, 4 internal bug) and
 * {@link workbench.harness.failure.UserException} (one line with a hint). Every package may raise
 * from here; this package imports nothing of ours.
 */
package workbench.harness.failure;
