package workbench.harness.baseline;

import java.time.Duration;
import workbench.harness.io.ReceiveMode;
import workbench.workloads.ram.GuestRam;
import workbench.workloads.ram.RamSpec;

/**
 * What one reference transfer moves: the variant's guest, as our sender holds it.
 *
 * @param trial       the trial's index in the run
 * @param spec        the guest's spec
 * @param ram         our generated guest (a QEMU source's RAM file is a copy of it)
 * @param streamBytes the length of our stream of it (what iperf3 moves)
 * @param channels    multifd channels beside the main stream (qemu-multifd)
 * @param deadline    how long the transfer may take before it is given up
 * @param readBuffer  our receiver's read buffer (qemu-source)
 * @param rcvbuf      our receiver's SO_RCVBUF, 0 for autotuning (qemu-source)
 * @param receive     how our receiver reads the stream into RAM (qemu-source)
 */
public record Reference(int trial, RamSpec spec, GuestRam ram, long streamBytes, int channels, Duration deadline, int readBuffer,
                        int rcvbuf, ReceiveMode receive) {
}
