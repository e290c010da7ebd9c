package workbench.reports.model;

/**
 * CPU seconds one side spent during a trial.
 *
 * @param threadUser  user time of the thread that sent (or received) the stream
 * @param threadSys   system time of that thread
 * @param processUser user time of the whole process
 * @param processSys  system time of the whole process
 */
public record Cpu(double threadUser, double threadSys, double processUser, double processSys) {
    public static final Cpu NONE = new Cpu(0, 0, 0, 0);

    public double thread() {
        return threadUser + threadSys;
    }

    public double process() {
        return processUser + processSys;
    }
}
