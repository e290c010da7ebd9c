package workbench.reports.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's Re-run line: what a shell reads back from it, never the recorded JVM path or a token. */
class RerunCommandTest {
    private static Manifest recorded(String commandLine) {
        return new Manifest(commandLine, "test", StubRun.settings(), Map.of());
    }

    @Test
    void theJvmPathBecomesJavaAndItsOptionsAndJarAreKept() {
        String line = RerunCommand.of(recorded("/usr/lib/jvm/java-17/bin/java -Xmx2g -Dx=a -jar /opt/wb/workbench.jar run "
                + "--ram 512M --out /tmp/r --quiet"));
        assertThat(line).startsWith("java -Xmx2g -Dx=a -jar /opt/wb/workbench.jar run --ram 536870912 --blocks 1 ")
                .contains(" --dup 0.034 ", " --seed 42 ", " --strategies scalar,vectored ", " --net loopback,null ",
                        " --trials 10 ", " --warmup 2 ", " --batch 128 ", " --scalar-buffer 32K ", " --tcp-nodelay off ")
                .endsWith(" --out /tmp/r")
                .doesNotContain("/usr/lib/jvm", "--quiet", "--page-size");
    }

    @Test
    void aTokenIsNamedByItsVariableNeverByItsValue() {
        String line = RerunCommand.of(recorded("java -jar workbench.jar run --net tcp://h:7000 --token *** --bind 10.0.0.1"));
        assertThat(line).endsWith(" --bind 10.0.0.1 --token \"$WORKBENCH_TOKEN\"").doesNotContain("***");
        assertThat(RerunCommand.of(recorded("java -jar workbench.jar run --token=***"))).endsWith("--token \"$WORKBENCH_TOKEN\"");
        assertThat(RerunCommand.of(recorded("java -jar workbench.jar run"))).doesNotContain("--token");
    }

    @Test
    void aLineWithoutAJarRunsTheJarByItsUsualName() {
        assertThat(RerunCommand.of(recorded("workbench run --ram 512M"))).startsWith("java -jar workbench.jar run --ram ");
    }

    @Test
    void wordsAShellWouldChangeAreSingleQuoted() {
        assertThat(RerunCommand.quote("/tmp/my dir")).isEqualTo("'/tmp/my dir'");
        assertThat(RerunCommand.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(RerunCommand.quote("$HOME")).isEqualTo("'$HOME'");
        assertThat(RerunCommand.quote("")).isEqualTo("''");
        assertThat(RerunCommand.quote("link:rate=2.5gbit,mtu=9000")).isEqualTo("link:rate=2.5gbit,mtu=9000");
    }
}
