/**
 * Floor 2: the QEMU 7.2 migration stream. {@link workbench.harness.stream.StreamEncoder} writes in
 * passes (start, one PART per pass over a dirty log, complete); the decoder is the receiver's and
 * {@code decode}'s, strict, every violation naming its offset. Imports only {@code io} (and
 * workloads).
 */
package workbench.harness.stream;
