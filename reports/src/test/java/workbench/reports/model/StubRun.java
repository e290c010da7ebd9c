package workbench.reports.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, plausible run for tests and golden files: 2 warm-up + 10 measured rounds of scalar and
 * vectored on loopback (verified, one trial failed) and on the null network (unverified).
 */
public final class StubRun {
    public static final int WARMUP_ROUNDS = 2;
    public static final int MEASURED_ROUNDS = 10;
    /** the loopback vectored trial in this measured round failed */
    public static final int FAILED_ROUND = 7;

    private static final long PAGES = 131_072;

    private StubRun() {
    }

    /** the stub run of the golden files: always the same for seed 12345 */
    public static Run create() {
        return create(new Random(12345));
    }

    public static Run create(Random random) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("java", "17.0.15");
        environment.put("os", "Linux 6.1.0 amd64");
        environment.put("cpu", "Stub CPU @ 3.00GHz, 8 cores");
        Manifest manifest = new Manifest("workbench run --ram 512M --net loopback,null", "0.1.0-SNAPSHOT (abc1234)",
                settings(), environment);
        Run run = new Run(Run.SCHEMA, "20260101-000000-1a2b3c", manifest, List.of(), false, null);
        int index = 0;
        for (int round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
            for (String network : List.of("loopback", "null")) {
                List<String> order = round % 2 == 0 ? List.of("scalar", "vectored") : List.of("vectored", "scalar");
                for (String strategy : order) {
                    run = run.with(trial(random, index++, round, network, strategy));
                }
            }
        }
        return run.completed();
    }

    /** the stub run's settings: 512 MiB, 3.4% zero pages, seed 42, both strategies on loopback and null, 2 + 10 rounds */
    public static RunSettings settings() {
        RamSettings ram = new RamSettings(List.of(512L << 20), 1, 4096, List.of(0.034), List.of(0.0), List.of(1.0),
                "scattered", "random", 42, "zero");
        return new RunSettings(ram, List.of("loopback", "null"), List.of("scalar", "vectored"),
                Rounds.fixed(MEASURED_ROUNDS, WARMUP_ROUNDS), StatisticsSettings.DEFAULT, List.of(
                        Setting.of("batch", SettingKind.INTEGER, "vectored", "128"),
                        Setting.of("scalar-buffer", SettingKind.SIZE, "scalar", "32K"),
                        Setting.of("tcp-nodelay", SettingKind.FLAG, "sender", "off"),
                        Setting.of("sndbuf", SettingKind.SIZE, "sender", "auto")));
    }

    /** small settings for hand-made runs: 1 GiB, seed 1, scalar on loopback, the given rounds */
    public static RunSettings settings(Rounds rounds) {
        RamSettings ram = new RamSettings(List.of(1L << 30), 1, 4096, List.of(0.0), List.of(0.0), List.of(1.0),
                "scattered", "random", 1, "zero");
        return new RunSettings(ram, List.of("loopback"), List.of("scalar"), rounds, StatisticsSettings.DEFAULT, List.of());
    }

    /** a manifest of hand-made runs with the given rounds and environment */
    public static Manifest manifest(Rounds rounds, Map<String, String> environment) {
        return new Manifest("workbench run", "test", settings(rounds), environment);
    }

    private static TrialResult trial(Random random, int index, int round, String network, String strategy) {
        boolean vectored = strategy.equals("vectored");
        boolean loopback = network.equals("loopback");
        long dup = 4457 + random.nextInt(5);
        long nodup = PAGES - dup;
        long bytes = nodup * (4096 + 8) + dup * 9 + 64;
        Counts counts = vectored
                ? new Counts(bytes, dup, nodup, 0, nodup / 128 + 1, 2 * nodup + 40, bytes - nodup * 4096)
                : new Counts(bytes, dup, nodup, bytes / 32768 + 1, 0, 0, bytes);
        double mean = loopback ? (vectored ? 0.231 : 0.402) : (vectored ? 0.081 : 0.152);
        double sd = vectored ? 0.004 : 0.011;
        double send = micros(mean + sd * random.nextGaussian());
        double transfer = loopback ? micros(send + 0.012 + 0.001 * random.nextDouble()) : send;
        Cpu sender = new Cpu(micros(send * 0.55), micros(send * 0.40), micros(send * 0.58), micros(send * 0.43));
        Cpu receiver = loopback
                ? new Cpu(micros(send * 0.30), micros(send * 0.50), micros(send * 0.33), micros(send * 0.52))
                : Cpu.NONE;
        boolean failed = loopback && vectored && round == WARMUP_ROUNDS + FAILED_ROUND;
        TrialStatus status = failed ? TrialStatus.FAILED : loopback ? TrialStatus.VERIFIED : TrialStatus.UNVERIFIED;
        String failure = failed ? "digest mismatch: receiver 3f2a..., sender 9b7c..." : null;
        String startedAt = Instant.ofEpochSecond(1_767_225_600L + 2L * index).toString();
        return new TrialResult(index, round, round < WARMUP_ROUNDS, SeriesKey.of(strategy, network), status, failure,
                startedAt, send, transfer, counts, sender, receiver, loopback ? random.nextInt(2) : 0,
                micros(0.20 + 0.05 * random.nextDouble()), 0.0, 0.0);
    }

    private static double micros(double seconds) {
        return Math.round(seconds * 1e6) / 1e6;
    }

    /** a trial with the given figures, for hand-computed statistics */
    public static TrialResult simple(int round, SeriesKey key, TrialStatus status, double sendSeconds) {
        return new TrialResult(round, round, false, key, status, null, "2026-01-01T00:00:00Z", sendSeconds,
                sendSeconds, new Counts(1L << 30, 0, 262_144, 32_768, 0, 0, 1L << 30),
                new Cpu(0.5, 0.25, 0.75, 0.25), Cpu.NONE, 0, 0.5, 0.0, 0.0);
    }

    /** {@code t} with a scatter receiver's mis-predictions and each side's peak RSS (empty where negative) */
    public static TrialResult withSides(TrialResult t, long mispredictions, long senderPeakRss, long receiverPeakRss) {
        return new TrialResult(t.index(), t.round(), t.warmup(), t.series(), t.status(), t.failure(), t.startedAt(),
                t.sendSeconds(), t.transferSeconds(), t.counts(), t.sender(), t.receiver(), t.retransmits(),
                t.machineBusy(), t.machineSteal(), t.machineUser(), t.fork(), present(mispredictions), present(senderPeakRss),
                present(receiverPeakRss));
    }

    private static java.util.OptionalLong present(long value) {
        return value < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(value);
    }

    /** a run of the given trials, its rounds the measured rounds among them and no warm-up */
    public static Run of(List<TrialResult> trials) {
        int rounds = (int) trials.stream().filter(t -> !t.warmup()).mapToInt(TrialResult::round).distinct().count();
        Manifest manifest = manifest(Rounds.fixed(rounds, 0), Map.of());
        return new Run(Run.SCHEMA, "test-run", manifest, new ArrayList<>(trials), true, null);
    }
}
