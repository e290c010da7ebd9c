package workbench.harness.serve;

import java.time.Duration;

/**
 * The deadline of each phase of a session. Every phase has one for the whole phase, not a timeout
 * per read: a peer that sends one byte every few seconds cannot hold the service.
 *
 * @param handshake    hello and token proof
 * @param idle         between trials
 * @param dataAccept   from ready to the trial's identified data connection
 * @param streamFloor  a trial's stream, first byte to end: this much, plus the guest at {@code streamBytesPerSecond}
 * @param streamBytesPerSecond the slowest rate a stream is granted (100 Mbit/s by default)
 */
public record Deadlines(Duration handshake, Duration idle, Duration dataAccept, Duration streamFloor,
                        long streamBytesPerSecond) {
    public static final Deadlines DEFAULT = new Deadlines(Duration.ofSeconds(30), Duration.ofMinutes(10),
            Duration.ofSeconds(60), Duration.ofSeconds(60), 12_500_000);

    public Deadlines {
        if (streamBytesPerSecond <= 0) {
            throw new IllegalArgumentException("a stream rate must be positive, got " + streamBytesPerSecond);
        }
    }

    /** how long a guest of {@code ramBytes} may take to arrive */
    public Duration stream(long ramBytes) {
        return streamFloor.plusMillis(ramBytes / streamBytesPerSecond * 1000 + ramBytes % streamBytesPerSecond * 1000 / streamBytesPerSecond);
    }
}
