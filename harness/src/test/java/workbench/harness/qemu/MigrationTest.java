package workbench.harness.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import workbench.reports.model.QemuFigures;

/**
 * A completed source's figures on canned QMP replies in 7.2's shape: between the "completed" status
 * and the run state postmigrate, query-migrate reads total-time 0 and the last iteration's mbps.
 */
class MigrationTest {
    private static final String FINISHING = "{\"return\": {\"status\": \"finish-migrate\", \"singlestep\": false, \"running\": false}}";
    private static final String SETTLED = "{\"return\": {\"status\": \"postmigrate\", \"singlestep\": false, \"running\": false}}";
    private static final String EARLY = "{\"return\": {\"status\": \"completed\", \"setup-time\": 1, \"downtime\": 0, \"total-time\": 0,"
            + " \"ram\": {\"total\": 1073741824, \"multifd-bytes\": 0, \"mbps\": 22400.1, \"transferred\": 1077937044,"
            + " \"duplicate\": 0, \"normal\": 262144}}}";
    private static final String FINAL = "{\"return\": {\"status\": \"completed\", \"setup-time\": 1, \"downtime\": 3, \"total-time\": 385,"
            + " \"ram\": {\"total\": 1073741824, \"multifd-bytes\": 0, \"mbps\": 22457.02, \"transferred\": 1077937044,"
            + " \"duplicate\": 0, \"normal\": 262144}}}";

    /** a source that reports finish-migrate {@code unsettled} times, then postmigrate; query-migrate as 7.2 would answer then */
    private static final class Source implements Migration.Commands {
        private final int unsettled;
        private final List<String> asked = new ArrayList<>();
        private boolean settled;

        Source(int unsettled) {
            this.unsettled = unsettled;
        }

        @Override
        public JsonNode execute(String command) throws IOException {
            asked.add(command);
            String line = switch (command) {
                case "query-status" -> {
                    settled = asked.stream().filter(c -> c.equals("query-status")).count() > unsettled;
                    yield settled ? SETTLED : FINISHING;
                }
                case "query-migrate" -> settled ? FINAL : EARLY;
                default -> throw new IllegalArgumentException(command);
            };
            return ((QmpMessage.Return) QmpMessage.parse(line)).value();
        }
    }

    @Test
    void theFiguresAreReadOnceTheSourceHasSettledThemNotAtItsCompletedStatus() throws Exception {
        Source source = new Source(2);
        QemuFigures f = Migration.figures(source, Duration.ofSeconds(5));
        assertThat(source.asked).containsExactly("query-status", "query-status", "query-status", "query-migrate");
        assertThat(f.totalTimeMs()).isEqualTo(385);
        assertThat(f.downtimeMs()).isEqualTo(3);
        assertThat(f.mbps()).isEqualTo(22457.02);
        assertThat(f.normalPages()).isEqualTo(262_144);
    }

    @Test
    void aSourceThatNeverSettlesFailsTheTrialRatherThanRecordingAZeroTotalTime() {
        Source source = new Source(Integer.MAX_VALUE);
        assertThatThrownBy(() -> Migration.figures(source, Duration.ofMillis(20)))
                .isInstanceOf(IOException.class)
                .hasMessage("the QEMU source's run state is still finish-migrate, not postmigrate, 20 ms after its migration "
                        + "completed: its total-time and mbps are not final");
        assertThat(source.asked).doesNotContain("query-migrate");
    }
}
