package workbench.reports.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import workbench.reports.chart.Bar;

/** The compare charts stay a grid when a series is missing from a group, so ticks name groups, not bars. */
class CompareGridTest {
    @Test
    void aSeriesMissingFromAGroupGetsAnEmptyBarThere() {
        List<Bar> bars = CompareReport.grid(List.of(new Bar("net=loopback", "vectored", 1, 0.1),
                new Bar("net=loopback", "iperf3", 0.5, 0.1), new Bar("net=unix", "vectored", 2, 0.1)));
        assertThat(bars).hasSize(4);
        Bar added = bars.get(3);
        assertThat(added.category()).isEqualTo("net=unix");
        assertThat(added.series()).isEqualTo("iperf3");
        assertThat(added.value()).isNaN();
        assertThat(CompareReport.grid(bars)).hasSize(4); // a full grid is left as it is
    }
}
