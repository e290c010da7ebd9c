package workbench.harness.net.control;

/**
 * How a receiver takes a trial of checkpoints: it acknowledges every RAM PART section the moment
 * the section is applied ({@link Message.Ack}); from {@code firstCheckpoint} on, the PART sections
 * are checkpoints, and every {@code checkEvery}-th of them and the last ({@code lastPart}) are also
 * followed by its RAM digest ({@link Message.CheckpointDigest}), taken after the ack so the digest
 * stays out of the latency.
 *
 * @param firstCheckpoint the 1-based PART count of the first checkpoint (the ones before are the
 *                        initial copy and the empty calibration checkpoints)
 * @param checkEvery      K: checkpoints K, 2K, … are checked
 * @param lastPart        the PART count of the last checkpoint, checked too
 * @param epochMillis     the epoch between checkpoints: the receiver's stream deadline grows by it per section
 */
public record CheckpointPlan(int firstCheckpoint, int checkEvery, int lastPart, long epochMillis) {
    /** sections and epochs a receiver accepts: bounds on how long a sender may hold it */
    public static final int MAX_PARTS = 1_000_000;
    public static final long MAX_EPOCH_MILLIS = 60_000;

    /** a trial without checkpoints: nothing acknowledged (the control frames carry no nulls) */
    public static final CheckpointPlan NONE = new CheckpointPlan(0, 0, 0, 0);

    public CheckpointPlan {
        boolean none = firstCheckpoint == 0 && checkEvery == 0 && lastPart == 0 && epochMillis == 0;
        if (!none && (firstCheckpoint < 1 || checkEvery < 1 || lastPart < firstCheckpoint || lastPart > MAX_PARTS
                || epochMillis < 0 || epochMillis > MAX_EPOCH_MILLIS)) {
            throw new IllegalArgumentException("a checkpoint plan needs 1 <= first <= last <= " + MAX_PARTS
                    + ", checkEvery >= 1 and an epoch of at most " + MAX_EPOCH_MILLIS + " ms, got " + firstCheckpoint + ", "
                    + checkEvery + ", " + lastPart + ", " + epochMillis + " ms");
        }
    }

    /** how much longer than a bulk stream a trial of these checkpoints may take: each section's epoch and a second */
    public java.time.Duration extraTime() {
        return java.time.Duration.ofMillis(lastPart * (epochMillis + 1000L));
    }

    public boolean active() {
        return lastPart > 0;
    }

    /** whether PART section {@code part} is a checkpoint whose digest is compared */
    public boolean checked(int part) {
        return part >= firstCheckpoint && part <= lastPart
                && (part == lastPart || (part - firstCheckpoint + 1) % checkEvery == 0);
    }
}
