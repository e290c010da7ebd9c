package workbench.reports.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import workbench.reports.files.AtomicFile;
import workbench.reports.files.RunWriter;
import workbench.reports.model.Run;

/**
 * Renders figures to PNG and SVG and writes them into a report's {@code charts/} folder, each file
 * replaced atomically; files of charts the report no longer has (a sweep that went away) are removed.
 */
public final class ChartFiles implements RunWriter {
    /** the folder, inside the run directory, that holds the PNGs */
    public static final String DIR_NAME = "charts";

    @Override
    public void write(Run run, Path dir) throws IOException {
        write(render(RunFigures.of(run)), dir);
    }

    /** each figure as PNG bytes, in order */
    public static List<Png> render(List<Figure> figures) {
        return figures.stream().map(ChartFiles::render).toList();
    }

    public static Png render(Figure f) {
        ImageIO.setUseCache(false); // PNGs are encoded in memory; the disk cache leaks imageio*.tmp into the temp folder
        try {
            byte[] bytes = BitmapEncoder.getBitmapBytes(f.chart(), BitmapEncoder.BitmapFormat.PNG);
            java.io.ByteArrayOutputStream svg = new java.io.ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(f.chart(), svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return new Png(f.name(), f.title(), f.caption(), f.chart().getWidth(), f.chart().getHeight(), bytes,
                    svg.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart " + f.name(), e);
        }
    }

    /** writes {@code dir/charts/<name>.png} and {@code <name>.svg} for each chart and removes other charts there */
    public static void write(List<Png> pngs, Path dir) throws IOException {
        Path charts = dir.resolve(DIR_NAME);
        Files.createDirectories(charts);
        Set<String> names = new HashSet<>();
        for (Png png : pngs) {
            AtomicFile.write(charts.resolve(png.fileName()), png.bytes());
            AtomicFile.write(charts.resolve(png.svgFileName()), png.svg());
            names.add(png.fileName());
            names.add(png.svgFileName());
        }
        try (DirectoryStream<Path> old = Files.newDirectoryStream(charts, "*.{png,svg}")) {
            for (Path p : old) {
                if (!names.contains(p.getFileName().toString())) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
