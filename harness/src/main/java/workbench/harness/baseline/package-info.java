/**
 * Floor 3: reference transfers whose sender or receiver is not ours, in the same rounds as our
 * strategies: {@link workbench.harness.baseline.BaselineKind} names each (its role, the settings it
 * reads, how it is timed); {@link workbench.harness.baseline.Iperf3} moves the same bytes (a ceiling),
 * {@link workbench.harness.baseline.QemuToQemu} migrates the same guest QEMU to QEMU (a verified
 * baseline). Imports {@code qemu}, {@code net} (socket folders), {@code metrics}, {@code failure} and
 * the results model.
 */
package workbench.harness.baseline;
