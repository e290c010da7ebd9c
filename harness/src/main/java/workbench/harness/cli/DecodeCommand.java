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
import workbench.harness.stream.RamRefusedException;
import workbench.harness.stream.RamTarget;
import workbench.harness.stream.StreamDecoder;
import workbench.harness.stream.StreamFormatException;

/** {@code workbench decode FILE}: dissects a QEMU 7.2 migration stream, ours or a real QEMU's. */
@Command(name = "decode", sortOptions = false,
        header = "Dissects a QEMU 7.2 migration stream file.",
        description = "Prints the stream's sections with their offsets, RAM blocks (sha256 of the rebuilt content), record "
                + "counts, vmdesc length, file size and sha256. A malformed stream is one error line, exit 2.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  workbench run --ram 16M --trials 1 --warmup 0 --save-stream s.bin",
                "  workbench decode s.bin",
                "  workbench decode --json s.bin > s.json"})
public final class DecodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "FILE", description = "a stream file (from QEMU's exec:cat > FILE, or run --save-stream)")
    Path file;
    @Option(names = "--json", description = "print the dissection as JSON: lowerCamelCase names as in run.json, each section with its byte offset")
    boolean json;
    @Option(names = "--max-ram", converter = SizeConverter.class, paramLabel = "SIZE",
            description = "largest guest RAM the stream may declare: decode holds it all at once, as the stream's MEM_SIZE says; "
                    + "default: half this machine's memory, at most 8G (so a few hostile bytes cannot make it allocate more)")
    Long maxRam;
    @Mixin(name = CommonOptions.MIXIN)
    CommonOptions common;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new UserException("no stream file at " + file, "give the path of a saved migration stream", ExitCode.INVALID_INPUT);
        }
        long limit = maxRam != null ? maxRam : RamTarget.defaultLimit();
        if (limit < StreamDecoder.PAGE_SIZE) {
            throw new UserException("--max-ram " + limit + " is below one page", "give at least 4K, e.g. --max-ram 16G",
                    ExitCode.INVALID_INPUT);
        }
        Dissection d;
        try {
            d = Dissection.of(file, limit);
        } catch (RamRefusedException e) {
            throw e.environment()
                    ? new UserException(file + ": " + e.getMessage(), "free memory or /dev/shm, or decode on a larger machine",
                            ExitCode.ENVIRONMENT)
                    : new UserException(file + ": " + e.getMessage(), "if the stream is genuine, give a larger --max-ram",
                            ExitCode.INVALID_INPUT);
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
