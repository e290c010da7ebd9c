package workbench.reports.chart;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart with the words a reader needs beside it.
 *
 * @param name    file stem, e.g. "time" for charts/time.png; unique within a report
 * @param title   what it shows, in a few words (also the image's alt text)
 * @param caption what the marks mean: n, the confidence level, what the bars or whiskers are
 * @param chart   the xchart chart, built and not yet rendered
 */
public record Figure(String name, String title, String caption, Chart<?, ?> chart) {
}
