package workbench.harness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;
import workbench.harness.metrics.EnvironmentProbe;
import workbench.harness.serve.ServeOptions;
import workbench.harness.serve.ServeServer;

/** {@code workbench serve}: the receiver, as a child of run or on another host. */
@Command(name = "serve", sortOptions = false,
        header = "The receiver: decodes streams into guest RAM.",
        description = "Receives migration streams: decodes them into guest RAM and returns a digest per trial. Serves one "
                + "client at a time, run after run, until stopped; a bad client is logged and dropped.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  on the receiving host:  WORKBENCH_TOKEN=s3cret workbench serve --listen 0.0.0.0:7000",
                "  on the sending host:    WORKBENCH_TOKEN=s3cret workbench run --net tcp://HOST:7000"})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--listen", defaultValue = "127.0.0.1:0", paramLabel = "ADDR:PORT",
            description = "control address (data listeners bind the same host); port 0 picks a free one; default ${DEFAULT-VALUE}")
    String listen;
    @Option(names = "--token", paramLabel = "SECRET", description = "shared secret clients must prove (challenge-response); required off loopback; or set WORKBENCH_TOKEN")
    String token;
    @Option(names = "--max-ram", converter = SizeConverter.class, paramLabel = "SIZE",
            description = "largest guest a client may ask for; default: half this machine's memory")
    Long maxRam;
    @Option(names = "--once", description = "exit after the first client's session")
    boolean once;
    @Option(names = "--exit-with-stdin", hidden = true, description = "exit when stdin closes (a child of run dies with its parent)")
    boolean exitWithStdin;
    @Mixin(name = CommonOptions.MIXIN)
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        ServeOptions options = options();
        if (exitWithStdin) {
            Thread watcher = new Thread(ServeCommand::exitWhenStdinCloses, "parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        try (ServeServer server = openServer(options)) {
            InetSocketAddress at = server.controlAddress();
            System.out.println("workbench serve: listening on control " + at.getAddress().getHostAddress() + ":" + at.getPort()
                    + " (max guest " + (options.maxRam() >> 20) + " MiB" + (options.token().isPresent() ? ", token required" : "") + ")");
            System.out.flush();
            server.serve(once);
        }
        return ExitCode.OK.code();
    }

    private ServeOptions options() {
        InetSocketAddress address = listenAddress();
        long max = maxRam != null ? maxRam : Math.max(1L << 30, totalMemory() / 2);
        Optional<String> secret = Optional.ofNullable(token).or(() -> Optional.ofNullable(System.getenv("WORKBENCH_TOKEN")));
        try {
            return new ServeOptions(address, secret, max, Version.get());
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), "e.g. --listen 127.0.0.1:7000, or --listen 0.0.0.0:7000 --token SECRET",
                    ExitCode.INVALID_INPUT);
        }
    }

    private InetSocketAddress listenAddress() {
        int colon = listen.lastIndexOf(':');
        try {
            if (colon < 0) {
                throw new IllegalArgumentException("not ADDR:PORT");
            }
            InetSocketAddress address = new InetSocketAddress(listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1)));
            if (address.isUnresolved()) {
                throw new IllegalArgumentException("unknown host");
            }
            return address;
        } catch (IllegalArgumentException e) {
            throw new UserException("--listen " + listen + ": " + e.getMessage(),
                    "e.g. --listen 127.0.0.1:7000, or --listen 0.0.0.0:7000 --token SECRET", ExitCode.INVALID_INPUT);
        }
    }

    private static long totalMemory() {
        String kb = EnvironmentProbe.probe().getOrDefault("memory.total", "0 kB");
        try {
            return Long.parseLong(kb.replace("kB", "").trim()) << 10;
        } catch (NumberFormatException e) {
            return 2L << 30;
        }
    }

    private ServeServer openServer(ServeOptions options) {
        try {
            return new ServeServer(options, System.err);
        } catch (IOException e) {
            throw new UserException("cannot listen on " + listen + ": " + e.getMessage(),
                    "choose a free port or an address of this host", ExitCode.ENVIRONMENT);
        }
    }

    private static void exitWhenStdinCloses() {
        try (InputStream in = System.in) {
            while (in.read() >= 0) {
                // nothing is expected on stdin; only its end matters
            }
        } catch (IOException ignored) {
            // a broken pipe means the parent is gone, too
        }
        System.exit(0);
    }
}
