package workbench.harness.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import workbench.reports.model.QemuFigures;

/** Reads a source's {@code query-migrate} reply (QEMU 7.2's names) once its migration has ended. */
final class MigrationStats {
    private MigrationStats() {
    }

    static QemuFigures of(JsonNode reply) throws IOException {
        JsonNode ram = reply.path("ram");
        if (!reply.has("total-time") || !ram.has("transferred")) {
            throw new IOException("query-migrate gave no total-time or ram.transferred: " + reply);
        }
        return new QemuFigures(reply.path("total-time").asLong(), reply.path("setup-time").asLong(), reply.path("downtime").asLong(),
                ram.path("transferred").asLong(), ram.path("normal").asLong(), ram.path("duplicate").asLong(),
                ram.path("mbps").asDouble(), ram.path("multifd-bytes").asLong());
    }
}
