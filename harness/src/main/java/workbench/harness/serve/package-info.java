/**
 * Floor 3: {@code workbench serve}, the receiver — sessions one client at a time
 * ({@link workbench.harness.serve.ServeServer}), each trial's own data listener and the identification
 * of its connections by their first bytes ({@link workbench.harness.serve.DataConnections}), and the
 * receiving side of a trial ({@link workbench.harness.serve.TrialReceiver}: prepare, decode, digest).
 * Imports {@code net}, {@code stream}, {@code io} and below; never {@code peer}.
 */
package workbench.harness.serve;
