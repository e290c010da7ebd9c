/**
 * Floor 3: reference transfers whose sender is not ours — {@link workbench.harness.baseline.Iperf3}
 * moving the same bytes on the same network in the same rounds, the ceiling each strategy is
 * stated against. Imports {@code failure} and the results model only.
 */
package workbench.harness.baseline;
