package workbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** workbench serve as a service another host's run talks to, here on 127.0.0.1. */
class RemoteServeIT {
    private static final Pattern ANNOUNCE = Pattern.compile("listening on control (\\S+):(\\d+)");
    @TempDir
    Path tmp;

    @Test
    void runAfterRunAgainstOneServeWithAToken() throws Exception {
        Process serve = new ProcessBuilder("java", "-jar", Jar.path().toString(), "serve", "--listen", "127.0.0.1:0",
                "--token", "s3cret", "--max-ram", "64M").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream()));
            Matcher m = ANNOUNCE.matcher(out.readLine());
            assertThat(m.find()).isTrue();
            String net = "tcp://127.0.0.1:" + m.group(2);

            Jar.Ran first = Jar.run("run", "--ram", "8M", "--net", net, "--token", "s3cret", "--trials", "1", "--warmup", "0",
                    "--out", tmp.resolve("a").toString(), "--quiet");
            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(first.out()).contains(net);
            try (Stream<Path> s = Files.walk(tmp.resolve("a"))) {
                for (Path f : s.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".png")).toList()) {
                    assertThat(Files.readString(f)).as("the token never reaches " + f.getFileName()).doesNotContain("s3cret");
                }
            }

            Jar.Ran noToken = Jar.run("run", "--ram", "8M", "--net", net, "--trials", "1", "--warmup", "0",
                    "--out", tmp.resolve("b").toString(), "--quiet");
            assertThat(noToken.exit()).isEqualTo(3);
            assertThat(noToken.err()).startsWith("workbench: error: ").contains("requires a token");

            Jar.Ran tooBig = Jar.run("run", "--ram", "128M", "--net", net, "--token", "s3cret", "--trials", "1", "--warmup", "0",
                    "--out", tmp.resolve("c").toString(), "--quiet");
            assertThat(tooBig.exit()).isEqualTo(3);
            assertThat(tooBig.err()).contains("--max-ram");

            Jar.Ran again = Jar.run("run", "--ram", "8M", "--net", net, "--token", "s3cret", "--bind", "127.0.0.1", "--trials", "1",
                    "--warmup", "0", "--out", tmp.resolve("d").toString(), "--quiet");
            assertThat(again.exit()).as(again.err()).isZero();
            assertThat(serve.isAlive()).as("serve goes on after refusing clients").isTrue();
            try (Stream<Path> s = Files.list(tmp.resolve("d"))) {
                JsonNode run = new ObjectMapper().readTree(s.toList().get(0).resolve("run.json").toFile());
                for (JsonNode t : run.get("trials")) {
                    assertThat(t.get("status").asText()).isEqualTo("verified");
                }
            }
        } finally {
            serve.destroy();
            serve.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anEmptyTokenOrAZeroReadBufferIsRefusedWithExitTwo() throws Exception {
        for (List<String> args : List.of(List.of("serve", "--token", ""), List.of("run", "--ram", "8M", "--token", "", "--quiet"),
                List.of("run", "--ram", "8M", "--read-buffer", "0", "--quiet"))) {
            Jar.Ran ran = Jar.run(args.toArray(String[]::new));
            assertThat(ran.exit()).as(args + ": " + ran.err()).isEqualTo(2);
            assertThat(ran.err()).startsWith("workbench: error: ").hasLineCount(1);
        }
    }

    @Test
    void serveOffLoopbackWithoutATokenRefusesToStart() throws Exception {
        for (List<String> args : List.of(List.of("serve", "--listen", "0.0.0.0:0"), List.of("serve", "--listen", "nonsense"))) {
            Jar.Ran ran = Jar.run(args.toArray(String[]::new));
            assertThat(ran.exit()).as(args.toString()).isEqualTo(2);
            assertThat(ran.err()).startsWith("workbench: error: ").hasLineCount(1).containsAnyOf("needs a --token", "--listen nonsense");
        }
    }
}
