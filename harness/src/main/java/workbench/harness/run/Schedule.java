package workbench.harness.run;

import java.util.ArrayList;
import java.util.List;
import workbench.harness.trial.Slot;

/**
 * The order of trials: warm-up rounds, then measured rounds, each round one trial per series,
 * the order reversing every round (A B, B A, A B, …) so drift and JIT warm-up hit all alike.
 */
public final class Schedule {
    private Schedule() {
    }

    public static List<Slot> of(int series, int warmup, int trials) {
        List<Slot> slots = new ArrayList<>();
        for (int round = 0; round < warmup + trials; round++) {
            slots.addAll(round(round, series, warmup, slots.size()));
        }
        return slots;
    }

    /** the trials of one round, numbered from {@code firstIndex}; measured rounds start in plan order */
    public static List<Slot> round(int round, int series, int warmup, int firstIndex) {
        List<Slot> slots = new ArrayList<>();
        for (int k = 0; k < series; k++) {
            int s = Math.floorMod(round - warmup, 2) == 0 ? k : series - 1 - k;
            slots.add(new Slot(firstIndex + k, round, round < warmup, s));
        }
        return slots;
    }
}
