package workbench.reports.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.OptionalDouble;

/**
 * How many rounds a run measures.
 *
 * @param trials    measured rounds (the starting number when adaptive)
 * @param warmup    warm-up rounds before them: recorded, never summarised
 * @param ciTarget  adaptive runs only (--ci-target): the widest 95% CI half-width accepted, as a fraction of the mean
 * @param maxTrials the most measured rounds an adaptive run may reach; equal to {@code trials} when not adaptive
 */
public record Rounds(int trials, int warmup, @JsonInclude(JsonInclude.Include.NON_EMPTY) OptionalDouble ciTarget,
                     int maxTrials) {
    public Rounds {
        ciTarget = ciTarget == null ? OptionalDouble.empty() : ciTarget;
        if (trials < 0 || warmup < 0 || maxTrials < 0) {
            throw new IllegalArgumentException("rounds cannot be negative: trials " + trials + ", warmup " + warmup
                    + ", max trials " + maxTrials);
        }
    }

    /** fixed rounds: not adaptive */
    public static Rounds fixed(int trials, int warmup) {
        return new Rounds(trials, warmup, OptionalDouble.empty(), trials);
    }

    /** true for an adaptive run (--ci-target) */
    public boolean adaptive() {
        return ciTarget.isPresent();
    }
}
