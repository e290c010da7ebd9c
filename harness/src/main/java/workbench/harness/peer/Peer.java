package workbench.harness.peer;

import java.io.IOException;
import workbench.reports.model.SeriesRole;

/**
 * Who receives a network's trials: a {@code workbench serve} (a child, one inside an emulated
 * link, or on another host), nobody (the null network), a QEMU destination. A run talks to
 * every kind through this interface and never asks which it is.
 */
public interface Peer extends AutoCloseable {
    /** Prepares the receiver for one trial, outside timing (RAM allocated, pre-faulted, poisoned). */
    Reception prepare(TrialRequest request) throws IOException;

    /** how the series this peer receives are verified: STRATEGY when a digest checks them, UNVERIFIED when nothing does */
    SeriesRole role();

    /** Ends the session; the peer's resources (a child process) go with it. */
    @Override
    void close() throws IOException;
}
