package workbench.harness.run;

import workbench.reports.stats.Comparisons;

/** The one place that holds defaults (picocli reads these constants). */
public final class Defaults {
    private Defaults() {
    }

    /**
     * 64 MiB guests in 300 rounds: measured here (loopback, quiet, README) to give the headline a 95% CI
     * of ±2.5–3% in 48–50 s in three runs in a row, once the trials' digest stopped costing twice the
     * transfer; 200 rounds gave ±3–8% (the widest when the hypervisor stole CPU), 100 rounds with the old
     * digest ±6–10%, 512 MiB in 10 rounds ±15–30%. The paired per-round ratio gains from many short
     * rounds more than it loses to the larger CV of a short trial. The seed's 512 MB guest is
     * --preset seed2010's.
     */
    public static final String RAM = "64M";
    public static final String BLOCKS = "1";
    /** about 3.4% of the seed's pages were dup */
    public static final String DUP = "3.4%";
    public static final String UNIFORM = "0";
    public static final String DIRTY = "1";
    public static final String LAYOUT = "scattered";
    public static final String CONTENT = "random";
    public static final String SEED = "2010";
    public static final String DUP_POLICY = "zero";
    /** rows in the seed table's order: writev first */
    public static final String STRATEGIES = "vectored,scalar";
    /** ≈ 256 iovecs per gathering write, close to the seed's ~123 pages per writev */
    public static final String BATCH = "128";
    /** QEMU's default multifd-channels: connections beside the main stream (multifd, and QEMU's own multifd baseline) */
    public static final String CHANNELS = "2";
    /** QEMUFile's IO_BUF_SIZE */
    public static final String SCALAR_BUFFER = "32K";
    public static final String READ_BUFFER = "32K";
    /** kernel autotuning: setting a socket buffer turns it off */
    public static final String SOCKET_BUFFER = "auto";
    public static final String TCP_NODELAY = "off";
    public static final String NET = "loopback";
    /** with {@link #RAM}: many short paired rounds, the order-statistic CI narrowing as 1/√rounds */
    public static final String TRIALS = "300";
    public static final String WARMUP = "2";
    /** measured rounds at most when --ci-target adds rounds */
    public static final String MAX_TRIALS = "900";
    public static final String OUT = "results";
    /** direct memory while the guests fit under the JVM's cap, /dev/shm beyond */
    public static final String BACKING = "auto";
    /** off: pinning sender and receiver to CPUs of their own was measured not to lower the CV here (README, "Quiet measurements") */
    public static final String PIN = "off";
    /** iperf3 beside the strategies when it is installed */
    public static final String BASELINES = "auto";
    /** the strategy the headline pairs the others against: the 2010 question's copying write */
    public static final String BASELINE = Comparisons.DEFAULT_BASELINE;
    /** the effect margin of a verdict: ±2% in the log ratio (Verdict.DEFAULT_MIN_EFFECT) */
    public static final String MIN_EFFECT = "2%";
    /** alternating rounds: 20 A/A runs each way on a loaded machine (1 of 20 alternating claimed a difference, 0 of 20 random) gave no reason to shuffle by default */
    public static final String ORDER = "alternate";
    /** a failed trial is recorded and the run goes on */
    public static final String ON_FAILURE = "continue";
}
