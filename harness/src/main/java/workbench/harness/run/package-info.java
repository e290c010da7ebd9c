/**
 * Floor 6: a whole run — the resolved {@link workbench.harness.run.RunPlan}, the
 * {@link workbench.harness.run.Schedule} of interleaved rounds, adaptive rounds, the
 * {@link workbench.harness.run.RunExecutor} that opens sites through a
 * {@link workbench.harness.site.SiteFactory} (tests pass fake peers), and the recorder that
 * rewrites run.json after every trial.
 */
package workbench.harness.run;
