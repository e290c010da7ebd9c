package workbench.harness.run;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a run does after a failed trial ({@code --on-failure}). Either way the trial is recorded
 * as failed with its cause and never averaged.
 */
public enum OnFailure {
    /** go on with the next trial; a receiver or sender agent that broke is started afresh first */
    CONTINUE,
    /** end the run there: run.json says which trial stopped it and why */
    STOP;

    /** {@code continue} or {@code stop}, in any case */
    public static OnFailure parse(String name) {
        for (OnFailure f : values()) {
            if (f.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("--on-failure '" + name + "' is not one of "
                + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
    }
}
