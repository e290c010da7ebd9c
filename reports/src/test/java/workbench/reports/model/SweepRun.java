package workbench.reports.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A seeded run that sweeps {@code batch} over 1, 8, 64 for scalar and vectored on loopback, 4 rounds each. */
public final class SweepRun {
    public static final List<String> BATCHES = List.of("1", "8", "64");
    public static final int ROUNDS = 4;

    private SweepRun() {
    }

    public static Run create() {
        Random random = new Random(7);
        List<TrialResult> trials = new ArrayList<>();
        int index = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (String batch : BATCHES) {
                for (String strategy : List.of("scalar", "vectored")) {
                    double mean = strategy.equals("scalar") ? 0.40 : 0.40 / (1 + Math.log(Integer.parseInt(batch)) / 3);
                    SeriesKey key = new SeriesKey(strategy, "loopback", Map.of("batch", batch));
                    TrialResult t = StubRun.simple(round, key, TrialStatus.VERIFIED, mean + 0.005 * random.nextGaussian());
                    trials.add(new TrialResult(index++, t.round(), false, key, t.status(), null, t.startedAt(),
                            t.sendSeconds(), t.transferSeconds(), t.counts(), t.sender(), t.receiver(), 0, 0.3, 0, 0.0));
                }
            }
        }
        return StubRun.of(trials);
    }
}
