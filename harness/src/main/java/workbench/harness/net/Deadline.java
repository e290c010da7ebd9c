package workbench.harness.net;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A phase's deadline over blocking reads: when it passes, the channel is closed, so the read in
 * progress ends at once. A deadline for the whole phase, not a per-read timeout that a byte every
 * few seconds would renew for ever.
 */
public final class Deadline implements AutoCloseable {
    private final ScheduledFuture<?> task;
    private final AtomicBoolean expired;

    private Deadline(ScheduledFuture<?> task, AtomicBoolean expired) {
        this.task = task;
        this.expired = expired;
    }

    /** A timer for deadlines: one daemon thread, shut down with its owner. */
    public static ScheduledExecutorService timer(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Closes {@code channel} once {@code within} has passed, unless closed first. */
    public static Deadline closing(ScheduledExecutorService timer, Closeable channel, Duration within) {
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> task = timer.schedule(() -> {
            expired.set(true);
            try {
                channel.close();
            } catch (IOException e) {
                // closing is all a deadline does
            }
        }, within.toMillis(), TimeUnit.MILLISECONDS);
        return new Deadline(task, expired);
    }

    /** true when the deadline passed and closed the channel */
    public boolean expired() {
        return expired.get();
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
