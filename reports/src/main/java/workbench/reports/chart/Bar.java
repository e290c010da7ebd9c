package workbench.reports.chart;

/**
 * One bar of a grouped bar chart: a value with its error bar.
 *
 * @param category  where on the x axis (e.g. the network, or a group of runs)
 * @param series    which series it belongs to (e.g. the strategy): one colour each
 * @param value     the bar's height
 * @param halfWidth the error bar drawn at ± this value (the 95% CI half-width); NaN draws none
 * @param alone     the bar's own tick label when the chart gives each bar a category of its own
 */
public record Bar(String category, String series, double value, double halfWidth, String alone) {
    /** a bar whose own label is "category series" */
    public Bar(String category, String series, double value, double halfWidth) {
        this(category, series, value, halfWidth, category + " " + series);
    }
}
