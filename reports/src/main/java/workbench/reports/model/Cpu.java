package workbench.reports.model;

/**
 * CPU seconds one side spent during a trial.
 *
 * @param threadUser   user time of the thread that sent (or received) the stream
 * @param threadSys    system time of that thread
 * @param processUser  user time of the whole process (clock ticks of 10 ms)
 * @param processSys   system time of the whole process (clock ticks of 10 ms)
 * @param processTotal user and system time of the whole process at nanosecond resolution (the
 *                     scheduler's per-thread run time), where it could be read; 0 where not (then the
 *                     ticks' sum stands in). A trial of 64 MiB costs a receiver 2–3 ticks: ratios of
 *                     tick counts are mostly exactly 1, which would read as "equivalent".
 */
public record Cpu(double threadUser, double threadSys, double processUser, double processSys, double processTotal) {
    public static final Cpu NONE = new Cpu(0, 0, 0, 0, 0);

    /** a reading with the process's time in ticks only */
    public Cpu(double threadUser, double threadSys, double processUser, double processSys) {
        this(threadUser, threadSys, processUser, processSys, 0);
    }

    public double thread() {
        return threadUser + threadSys;
    }

    /** the whole process's CPU: the nanosecond figure where there is one, else the ticks' sum */
    public double process() {
        return processTotal > 0 ? processTotal : processUser + processSys;
    }
}
