package workbench.harness.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import workbench.harness.trial.Slot;
import workbench.reports.model.RunSettings;

/**
 * The order of trials: warm-up rounds, then measured rounds, each round one trial per series. By
 * default the order reverses every round (A B, B A, A B, …) so drift and JIT warm-up hit all
 * alike; {@link RoundOrder#RANDOM} shuffles each round afresh, seeded by the round number and
 * the recorded seed, so the same seed gives the same order, adaptive rounds included.
 *
 * @param order how a round is ordered
 * @param seed  the shuffle's seed (recorded as order-seed; unused when alternating)
 */
public record Schedule(RoundOrder order, long seed) {
    /** the default: alternating */
    public static final Schedule ALTERNATE = new Schedule(RoundOrder.ALTERNATE, 0);

    /** the schedule a run's settings record (alternating when they record none: runs before --order) */
    public static Schedule of(RunSettings settings) {
        RoundOrder order = settings.entry(RoundOrder.SETTING).map(s -> RoundOrder.parse(s.text())).orElse(RoundOrder.ALTERNATE);
        long seed = settings.entry(RoundOrder.SEED_SETTING).map(s -> Long.parseLong(s.text())).orElse(0L);
        return new Schedule(order, seed);
    }

    /** the schedule of fork {@code f} (from 0): its own shuffles, since each fork numbers its rounds from 0 */
    public Schedule forFork(int f) {
        return f == 0 ? this : new Schedule(order, seed + f * 0xBF58476D1CE4E5B9L);
    }

    /** every trial of a fixed run, alternating */
    public static List<Slot> of(int series, int warmup, int trials) {
        return ALTERNATE.slots(series, warmup, trials);
    }

    public List<Slot> slots(int series, int warmup, int trials) {
        List<Slot> slots = new ArrayList<>();
        for (int round = 0; round < warmup + trials; round++) {
            slots.addAll(round(round, series, warmup, slots.size()));
        }
        return slots;
    }

    /** the trials of one round, numbered from {@code firstIndex}; alternating measured rounds start in plan order */
    public List<Slot> round(int round, int series, int warmup, int firstIndex) {
        List<Integer> order = IntStream.range(0, series).boxed().collect(Collectors.toCollection(ArrayList::new));
        if (this.order == RoundOrder.RANDOM) {
            // mixed first: java.util.Random's first draws from neighbouring seeds are alike
            Collections.shuffle(order, new Random(new SplittableRandom(seed + round * 0x9E3779B97F4A7C15L).nextLong()));
        } else if (Math.floorMod(round - warmup, 2) != 0) {
            Collections.reverse(order);
        }
        List<Slot> slots = new ArrayList<>();
        for (int k = 0; k < series; k++) {
            slots.add(new Slot(firstIndex + k, round, round < warmup, order.get(k)));
        }
        return slots;
    }
}
