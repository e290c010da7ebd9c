package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every network end to end through the jar; emulated links in namespaces this test's runs make and remove. */
class NetworksIT {
    @TempDir
    Path tmp;

    private static JsonNode onlyRun(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            List<Path> dirs = s.filter(Files::isDirectory).toList();
            assertThat(dirs).hasSize(1);
            return new ObjectMapper().readTree(dirs.get(0).resolve("run.json").toFile());
        }
    }

    @Test
    void unixNullAndLoopbackInOneRun() throws Exception {
        Jar.Ran ran = Jar.run("run", "--baselines", "none", "--ram", "16M", "--net", "unix,null,loopback", "--trials", "2", "--warmup", "0",
                "--out", tmp.toString(), "--quiet");
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("unix ", "null ", "(unverified)", "loopback ");
        JsonNode run = onlyRun(tmp);
        assertThat(run.get("trials")).hasSize(12);
        for (JsonNode t : run.get("trials")) {
            String want = t.get("series").get("network").asText().equals("null") ? "unverified" : "verified";
            assertThat(t.get("status").asText()).isEqualTo(want);
        }
    }

    /** Links need root and iproute2; under CI=true their absence fails the suite instead of skipping. */
    static void requireLinks() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean ip = new ProcessBuilder("ip", "-V").start().waitFor() == 0
                && new ProcessBuilder("tc", "-V").start().waitFor() == 0;
        String why = "emulated links need root and iproute2 (root=" + root + ", ip/tc=" + ip + ")";
        if ("true".equals(System.getenv("CI"))) {
            assertThat(root && ip).as(why).isTrue();
        }
        Assumptions.assumeTrue(root && ip, why);
    }

    private static Set<String> workbenchNamespaces() throws Exception {
        Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out.lines().map(l -> l.split(" ")[0]).filter(n -> n.matches("wb\\d+.*")).collect(Collectors.toSet());
    }

    private static Set<String> linksOf(long pid) throws Exception {
        return workbenchNamespaces().stream().filter(n -> n.startsWith("wb" + pid)).collect(Collectors.toSet());
    }

    @Test
    void shapedAndUnshapedLinksAreVerifiedAndLeaveNothingBehind() throws Exception {
        requireLinks();
        Jar.Ran ran = Jar.run("run", "--baselines", "none", "--ram", "16M", "--net", "link:rate=500mbit,mtu=1500,link:ipoib", "--trials", "1",
                "--warmup", "0", "--out", tmp.toString(), "--quiet");
        assertThat(ran.exit()).as(ran.err()).isZero();
        JsonNode run = onlyRun(tmp);
        assertThat(run.get("trials")).hasSize(4);
        for (JsonNode t : run.get("trials")) {
            assertThat(t.get("status").asText()).isEqualTo("verified");
            if (t.get("series").get("network").asText().startsWith("link:rate=500mbit")) {
                double gbit = t.get("counts").get("streamBytes").asLong() * 8 / t.get("transferSeconds").asDouble() / 1e9;
                assertThat(gbit).as("a 500 Mbit/s link never carries more").isBetween(0.05, 0.55);
            }
        }
        JsonNode env = run.get("manifest").get("environment");
        assertThat(env.toString()).contains("tbf", "65520");
        String commandPid = run.get("manifest").get("commandLine").asText();
        assertThat(commandPid).contains("link:ipoib");
        assertThat(workbenchNamespaces().stream().filter(n -> !alive(owner(n)))).as("namespaces left behind").isEmpty();
    }

    @Test
    void aSignalledRunRemovesItsLinksAndAKilledRunsAreSweptByTheNext() throws Exception {
        requireLinks();
        for (boolean kill : new boolean[] {false, true}) {
            Path out = tmp.resolve(kill ? "killed" : "signalled");
            Process p = new ProcessBuilder("java", "-jar", Jar.path().toString(), "run", "--ram", "8M", "--net",
                    "link:rate=100mbit", "--trials", "100", "--warmup", "0", "--out", out.toString(), "--quiet")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (linksOf(p.pid()).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(linksOf(p.pid())).as("the run's namespaces").isNotEmpty();
            if (kill) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // no hooks run: the namespaces stay
                Thread.sleep(500);
                assertThat(linksOf(p.pid())).isNotEmpty();
                Jar.Ran next = Jar.run("run", "--ram", "8M", "--net", "link:ipoib", "--trials", "1", "--warmup", "0",
                        "--out", tmp.resolve("next").toString(), "--quiet");
                assertThat(next.exit()).as(next.err()).isZero();
            } else {
                p.destroy(); // SIGTERM, as Ctrl-C: the shutdown hook tears the link down
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(linksOf(p.pid())).as(kill ? "swept by the next run" : "removed on the signal").isEmpty();
        }
    }

    @Test
    void withoutRootALinkIsExitThreeWithOneLine() throws Exception {
        requireLinks();
        Assumptions.assumeTrue(new ProcessBuilder("which", "runuser").start().waitFor() == 0, "runuser is missing");
        Path jar = Files.copy(Jar.path(), tmp.resolve("workbench.jar"));
        tmp.toFile().setReadable(true, false);
        tmp.toFile().setExecutable(true, false);
        jar.toFile().setReadable(true, false);
        Process p = new ProcessBuilder("runuser", "-u", "nobody", "--", "java", "-jar", jar.toString(), "run", "--ram", "8M",
                "--net", "link:gbe", "--out", "/tmp/wb-nobody-" + ProcessHandle.current().pid(), "--quiet")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isEqualTo(3);
        assertThat(out.strip()).startsWith("workbench: error: emulated links need root");
    }

    private static long owner(String namespace) {
        return Long.parseLong(namespace.replaceAll("^wb(\\d+).*", "$1"));
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).isPresent();
    }
}
