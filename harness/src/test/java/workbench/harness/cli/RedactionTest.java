package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void aTokenNeverReachesARecordedCommandLine() {
        assertThat(Redaction.commandLine("java -jar workbench.jar run --net tcp://h:7000 --token s3cret --trials 2"))
                .isEqualTo("java -jar workbench.jar run --net tcp://h:7000 --token *** --trials 2");
        assertThat(Redaction.commandLine("run --token=s3cret")).isEqualTo("run --token=***");
        assertThat(Redaction.commandLine("run --token 'two words' --quiet")).isEqualTo("run --token *** --quiet");
        assertThat(Redaction.commandLine("run --ram 1G")).isEqualTo("run --ram 1G");
    }
}
