package workbench.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import workbench.harness.failure.ExitCode;
import workbench.harness.failure.UserException;
import workbench.reports.json.RunFileException;
import workbench.reports.json.RunJson;
import workbench.reports.model.Run;

/** Finds and reads the run.json a user points at (a run folder or the file), failing in one line. */
final class RunFiles {
    private RunFiles() {
    }

    /** the run.json meant by {@code path}: the file itself, or the one inside a run folder */
    static Path runJson(Path path) {
        if (Files.isDirectory(path)) {
            Path file = path.resolve(RunJson.FILE_NAME);
            if (!Files.isRegularFile(file)) {
                throw new UserException(path + " holds no " + RunJson.FILE_NAME,
                        "pass a run folder (results/<run-id>) or its run.json", ExitCode.INVALID_INPUT);
            }
            return file;
        }
        if (!Files.isRegularFile(path)) {
            throw new UserException("no run at " + path, "pass a run folder (results/<run-id>) or its run.json",
                    ExitCode.INVALID_INPUT);
        }
        return path;
    }

    /** reads the run at {@code path} */
    static Run read(Path path) {
        Path file = runJson(path);
        try {
            return RunJson.read(file);
        } catch (RunFileException e) {
            throw new UserException(e.getMessage(), "pass a run.json written by 'workbench run'", ExitCode.INVALID_INPUT);
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage(), "check that the file is readable",
                    ExitCode.INVALID_INPUT);
        }
    }

    /** turns a failure to write a report into one line (exit 3: the folder is not writable) */
    static UserException cannotWrite(Path dir, IOException e) {
        return new UserException("cannot write the report into " + dir + ": " + e,
                "check that the folder is writable, or pass --out DIR", ExitCode.ENVIRONMENT);
    }
}
