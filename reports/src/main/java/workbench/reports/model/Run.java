package workbench.reports.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * A run: its manifest and every trial in the order they ran. Immutable; a run in progress is
 * a sequence of these, each with one more trial.
 *
 * @param schema    version of the run.json layout
 * @param id        timestamp plus a short hash of the configuration
 * @param manifest  what ran, where
 * @param trials    every trial, warm-up and failed ones included
 * @param complete  true once the run ended normally
 * @param error     why the run stopped early (absent otherwise)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Run(int schema, String id, Manifest manifest, List<TrialResult> trials, boolean complete,
                  @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
    public static final int SCHEMA = 2;

    public Run {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(manifest, "manifest");
        java.util.Objects.requireNonNull(trials, "trials");
        trials = List.copyOf(trials);
    }

    public Run with(TrialResult trial) {
        List<TrialResult> more = new java.util.ArrayList<>(trials);
        more.add(trial);
        return new Run(schema, id, manifest, more, complete, error);
    }

    public Run completed() {
        return new Run(schema, id, manifest, trials, true, null);
    }

    public Run failed(String why) {
        return new Run(schema, id, manifest, trials, false, why);
    }

    public Optional<String> failure() {
        return Optional.ofNullable(error);
    }
}
