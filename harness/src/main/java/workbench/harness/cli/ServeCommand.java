package workbench.harness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import workbench.harness.net.control.ServeServer;

/** {@code workbench serve}: the receiver, as a child of run or on another host. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Receives migration streams: decodes them into guest RAM and returns a digest per trial.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--listen", defaultValue = "127.0.0.1:0", paramLabel = "ADDR:PORT",
            description = "control address; port 0 picks a free one; default ${DEFAULT-VALUE}")
    String listen;
    @Option(names = "--once", description = "exit after the first client's session")
    boolean once;
    @Option(names = "--exit-with-stdin", hidden = true, description = "exit when stdin closes (a child of run dies with its parent)")
    boolean exitWithStdin;
    @Option(names = "--fault-drop-page", hidden = true, defaultValue = "-1",
            description = "fault injection for tests: lose this page (global index) after decoding")
    int dropPage;
    @Option(names = "--verbose", description = "stack traces with errors")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        int colon = listen.lastIndexOf(':');
        if (colon < 0) {
            throw new UserException("--listen '" + listen + "' is not ADDR:PORT", "e.g. --listen 127.0.0.1:7000", ExitCode.INVALID_INPUT);
        }
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new UserException("--listen '" + listen + "': " + e.getMessage(), "e.g. --listen 127.0.0.1:7000", ExitCode.INVALID_INPUT);
        }
        if (exitWithStdin) {
            Thread watcher = new Thread(ServeCommand::exitWhenStdinCloses, "parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        try (ServeServer server = openServer(address)) {
            InetSocketAddress at = server.controlAddress();
            System.out.println("workbench serve: listening on control " + at.getAddress().getHostAddress() + ":" + at.getPort());
            System.out.flush();
            server.serve(once);
        }
        return ExitCode.OK.code();
    }

    private ServeServer openServer(InetSocketAddress address) {
        try {
            return new ServeServer(address, System.err, Version.get(), dropPage);
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
