package workbench.reports.chart;

/**
 * A figure rendered to PNG (embedded in the page) and to SVG (a file beside it, for papers).
 *
 * @param name    file stem (the PNG is {@code name + ".png"})
 * @param title   what it shows (alt text)
 * @param caption what the marks mean
 * @param width   width in pixels
 * @param height  height in pixels
 * @param bytes   the PNG file's content
 * @param svg     the same chart as an SVG file's content
 */
public record Png(String name, String title, String caption, int width, int height, byte[] bytes, byte[] svg) {
    /** the PNG file's name */
    public String fileName() {
        return name + ".png";
    }

    /** the SVG file's name */
    public String svgFileName() {
        return name + ".svg";
    }
}
