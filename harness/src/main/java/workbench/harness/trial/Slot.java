package workbench.harness.trial;

/**
 * One trial to run: its index in the run, its round, whether it is warm-up, and which series
 * (an index into the run's series list).
 */
public record Slot(int index, int round, boolean warmup, int series) {
}
