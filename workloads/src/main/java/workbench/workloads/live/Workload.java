package workbench.workloads.live;

/**
 * What a trial does with the guest, and how its writers dirty it.
 *
 * @param kind              bulk (a paused guest, today's copy), precopy or checkpoint
 * @param writeRate         page writes per second over all writers, 0 for as fast as they can
 * @param pattern           which pages the writers pick
 * @param writers           writer threads (each owns every n-th page, so no two write one page)
 * @param maxDowntimeNanos  (precopy) the pause allowed: passes go on until the rest fits it at the bandwidth measured so far
 * @param maxPasses         (precopy) live passes at most before the writers are stopped anyway (not converged)
 * @param epochNanos        (checkpoint) how long the guest runs between two checkpoints
 * @param checkpoints       (checkpoint) checkpoints per trial
 * @param checkEvery        (checkpoint) every K-th checkpoint (and the last) compares the receiver's RAM digest with ours
 */
public record Workload(WorkloadKind kind, long writeRate, WritePattern pattern, int writers, long maxDowntimeNanos,
                       int maxPasses, long epochNanos, int checkpoints, int checkEvery) {
    /** today's one-pass copy of a paused guest */
    public static final Workload BULK = new Workload(WorkloadKind.BULK, 0, WritePattern.UNIFORM, 1, 300_000_000L, 30,
            25_000_000L, 100, 10);

    public Workload {
        if (writeRate < 0) {
            throw new IllegalArgumentException("--write-rate must be pages per second (12000/s) or max, got " + writeRate);
        }
        if (writers < 1 || writers > 64) {
            throw new IllegalArgumentException("--writers must be between 1 and 64, got " + writers);
        }
        if (maxDowntimeNanos < 0) {
            throw new IllegalArgumentException("--max-downtime must be 0 or more, e.g. 300ms");
        }
        if (maxPasses < 1) {
            throw new IllegalArgumentException("--max-passes must be at least 1, got " + maxPasses);
        }
        if (epochNanos < 1_000_000L) {
            throw new IllegalArgumentException("--epoch must be at least 1ms, e.g. 25ms");
        }
        if (checkpoints < 1) {
            throw new IllegalArgumentException("--checkpoints must be at least 1, got " + checkpoints);
        }
        if (checkEvery < 1) {
            throw new IllegalArgumentException("--check-every must be at least 1, got " + checkEvery);
        }
    }

    public boolean live() {
        return kind != WorkloadKind.BULK;
    }

    /** "max", or the rate as --write-rate reads it back */
    public String rateText() {
        return writeRate == 0 ? "max" : writeRate + "/s";
    }

    /** --write-rate: "12000/s", "12000" or "max" (0 for max) */
    public static long parseRate(String text) {
        String s = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("max")) {
            return 0;
        }
        String n = s.endsWith("/s") ? s.substring(0, s.length() - 2) : s;
        try {
            long r = Long.parseLong(n.replace("_", ""));
            if (r >= 1) {
                return r;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--write-rate: '" + text + "' is not pages per second (12000/s) or max");
    }
}
