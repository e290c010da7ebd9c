/**
 * Floor 4: one timed, verified trial — {@link workbench.harness.trial.TrialRunner} sends a guest with a
 * strategy to a {@link workbench.harness.peer.Peer} and judges its receipt; the plan's data a trial
 * needs (series, variants, socket options, the slot) and the sender's guests. Knows no network kinds.
 */
package workbench.harness.trial;
