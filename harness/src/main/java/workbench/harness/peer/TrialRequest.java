package workbench.harness.peer;

import workbench.workloads.page.DupPolicy;
import workbench.workloads.ram.RamSpec;

/**
 * What a receiver must know to take one trial.
 *
 * @param trial       the trial's index in the run
 * @param ram         the guest whose stream will arrive
 * @param dupPolicy   the sender's dup policy
 * @param readBuffer  bytes per read of the receiver's buffered reader
 * @param rcvbuf      SO_RCVBUF of the receiver's data sockets, 0 for kernel autotuning
 * @param connections data connections the sender will open (the main stream first)
 * @param receive     how the receiver reads the stream into RAM
 * @param checkpoints for a trial of checkpoints, the sections the receiver acknowledges and digests ({@code NONE} otherwise)
 */
public record TrialRequest(int trial, RamSpec ram, DupPolicy dupPolicy, int readBuffer, int rcvbuf, int connections,
                           workbench.harness.io.ReceiveMode receive, workbench.harness.net.control.CheckpointPlan checkpoints) {
    public TrialRequest(int trial, RamSpec ram, DupPolicy dupPolicy, int readBuffer, int rcvbuf, int connections,
                        workbench.harness.io.ReceiveMode receive) {
        this(trial, ram, dupPolicy, readBuffer, rcvbuf, connections, receive, workbench.harness.net.control.CheckpointPlan.NONE);
    }

    public TrialRequest(int trial, RamSpec ram, DupPolicy dupPolicy, int readBuffer, int rcvbuf, int connections) {
        this(trial, ram, dupPolicy, readBuffer, rcvbuf, connections, workbench.harness.io.ReceiveMode.BUFFERED);
    }

    public TrialRequest {
        if (connections < 1) {
            throw new IllegalArgumentException("a trial needs at least one data connection, got " + connections);
        }
    }
}
