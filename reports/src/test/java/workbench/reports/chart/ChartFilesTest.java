package workbench.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;

import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import workbench.reports.model.StubRun;

/** issue 10, defect 7: rendering a chart leaves no imageio*.tmp in the temp folder, even when cut short by a signal */
class ChartFilesTest {
    @Test
    void renderingTurnsImageIosDiskCacheOff() {
        ImageIO.setUseCache(true); // the JDK's default
        Png png = ChartFiles.render(RunFigures.of(StubRun.create()).get(0));
        assertThat(png.bytes()).isNotEmpty();
        assertThat(ImageIO.getUseCache()).as("ImageIO's disk cache (imageio*.tmp in java.io.tmpdir)").isFalse();
    }
}
