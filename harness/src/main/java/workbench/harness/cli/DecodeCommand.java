package workbench.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;
import workbench.harness.stream.Dissection;
import workbench.harness.stream.StreamFormatException;

/** {@code workbench decode FILE}: dissects a QEMU 7.2 migration stream, ours or a real QEMU's. */
@Command(name = "decode", 
        description = {"Dissects a migration stream file: sections, RAM blocks (sha256 of the rebuilt content),",
                "record counts, vmdesc length, file size and sha256. A malformed stream is one error line, exit 2."})
public final class DecodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "FILE", description = "a stream file (from QEMU's exec:cat > FILE, or run --save-stream)")
    Path file;
    @Option(names = "--json", description = "print the dissection as JSON")
    boolean json;
    @Mixin(name = CommonOptions.MIXIN)
    CommonOptions common;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new UserException("no stream file at " + file, "give the path of a saved migration stream", ExitCode.INVALID_INPUT);
        }
        Dissection d;
        try {
            d = Dissection.of(file);
        } catch (StreamFormatException e) {
            throw new UserException(file + ": " + e.getMessage(), "is this a QEMU 7.2 migration stream, whole?", ExitCode.INVALID_INPUT);
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage(), "check the file's permissions", ExitCode.ENVIRONMENT);
        }
        String text = json ? d.toJson() : d.toText();
        spec.commandLine().getOut().print(text.endsWith("\n") ? text : text + "\n");
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
