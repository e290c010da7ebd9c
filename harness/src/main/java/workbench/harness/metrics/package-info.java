/**
 * Floor 1: measurements of the machine and of ourselves — {@link workbench.harness.metrics.Clock}
 * (injected, so tests time trials exactly), {@link workbench.harness.metrics.CpuClock},
 * {@link workbench.harness.metrics.MachineLoad}, {@link workbench.harness.metrics.PeakMemory},
 * {@link workbench.harness.metrics.EnvironmentProbe}.
 * Imports nothing of the harness.
 */
package workbench.harness.metrics;
