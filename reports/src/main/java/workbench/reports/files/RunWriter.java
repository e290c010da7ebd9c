package workbench.reports.files;

import java.io.IOException;
import java.nio.file.Path;
import workbench.reports.model.Run;

/** Writes one derived file of a run into the run's directory. One implementation per format. */
@FunctionalInterface
public interface RunWriter {
    void write(Run run, Path dir) throws IOException;
}
