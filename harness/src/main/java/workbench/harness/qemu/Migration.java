package workbench.harness.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A migration driven over QMP, as {@code qemu-stream-format.md} §5–§9 found it works in 7.2:
 * capabilities and parameters set before the destination listens ({@code -incoming defer}), then
 * {@code migrate-incoming}; the end taken from the {@code MIGRATION} event (capability
 * {@code events}), not from polling.
 */
public final class Migration {
    /** the statuses a migration ends in */
    public static final Set<String> FINAL = Set.of("completed", "failed", "cancelled");
    /** the run state a source reaches once its completed migration's figures are final */
    static final String SETTLED = "postmigrate";
    /** how long a completed source may take to settle them (microseconds, in practice) */
    private static final Duration SETTLING = Duration.ofSeconds(5);

    private Migration() {
    }

    /** Turns each named capability on ({@code events}, {@code multifd}, …); both sides of a multifd migration need it. */
    public static void enable(Qmp qmp, List<String> capabilities) throws IOException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String c : capabilities) {
            list.add(Map.of("capability", c, "state", true));
        }
        qmp.execute("migrate-set-capabilities", Map.of("capabilities", list));
    }

    /** Sets migration parameters ({@code max-bandwidth}: 0 for unlimited, {@code multifd-channels}, …). */
    public static void set(Qmp qmp, Map<String, ?> parameters) throws IOException {
        qmp.execute("migrate-set-parameters", parameters);
    }

    /**
     * Starts a deferred destination listening on {@code uri} ("tcp:127.0.0.1:0" for a free port) and
     * returns the address it bound, as query-migrate reports it.
     */
    public static InetSocketAddress listen(Qmp qmp, String uri) throws IOException {
        qmp.execute("migrate-incoming", Map.of("uri", uri));
        return boundAddress(qmp.execute("query-migrate"));
    }

    /** The first inet address of a destination's query-migrate {@code socket-address}. */
    static InetSocketAddress boundAddress(JsonNode queryMigrate) throws IOException {
        for (JsonNode a : queryMigrate.path("socket-address")) {
            if (a.path("type").asText().equals("inet")) {
                try {
                    return new InetSocketAddress(a.path("host").asText(), Integer.parseInt(a.path("port").asText()));
                } catch (IllegalArgumentException e) {
                    throw new IOException("query-migrate names an address that is not one: " + a);
                }
            }
        }
        throw new IOException("query-migrate names no inet address the destination listens on: " + queryMigrate);
    }

    /**
     * The status the migration ended in (completed, failed, cancelled), from the MIGRATION event;
     * empty when it did not end within {@code timeout}. Throws when QEMU closed QMP first (it exits
     * with status 1 when an incoming migration fails, often before its event reaches us).
     */
    public static Optional<String> awaitEnd(Qmp qmp, Duration timeout) throws IOException {
        return awaitEndEvent(qmp, timeout).map(e -> e.text("status"));
    }

    /** the MIGRATION event that ended the migration (its status, and when it arrived), as {@link #awaitEnd} */
    public static Optional<QmpMessage.Event> awaitEndEvent(Qmp qmp, Duration timeout) throws IOException {
        return qmp.awaitEvent(e -> e.name().equals("MIGRATION") && FINAL.contains(e.text("status")), timeout);
    }

    /** Starts an outgoing migration to {@code uri} ("tcp:HOST:PORT", "unix:PATH"); returns System.nanoTime just before the command went. */
    public static long start(Qmp qmp, String uri) throws IOException {
        long t0 = System.nanoTime();
        qmp.execute("migrate", Map.of("uri", uri));
        return t0;
    }

    /** what a source's query-migrate says of the migration it sent, once it has ended and QEMU has settled its figures */
    public static workbench.reports.model.QemuFigures figures(Qmp qmp) throws IOException {
        return figures(qmp::execute, SETTLING);
    }

    /**
     * 7.2 says "completed" (the MIGRATION event, query-migrate's status) before its migration thread
     * computes total-time and the final mbps; it then sets the run state postmigrate in the same
     * hold of the big lock. A query-migrate between the two reads total-time 0 and the last
     * iteration's mbps (upstream later set both before the status). So query-migrate waits for
     * query-status to say postmigrate; polling here times nothing, the trial's clock has stopped.
     */
    static workbench.reports.model.QemuFigures figures(Commands qmp, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String state;
        while (!(state = qmp.execute("query-status").path("status").asText()).equals(SETTLED)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the QEMU source's run state is still " + state + ", not " + SETTLED + ", "
                        + timeout.toMillis() + " ms after its migration completed: its total-time and mbps are not final");
            }
            Qmp.sleep(1);
        }
        return MigrationStats.of(qmp.execute("query-migrate"));
    }

    /** a QMP command without arguments and its reply's value: {@link Qmp#execute(String)}, or canned replies in tests */
    @FunctionalInterface
    interface Commands {
        JsonNode execute(String command) throws IOException;
    }
}
