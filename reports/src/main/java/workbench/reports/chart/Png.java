package workbench.reports.chart;

/**
 * A figure rendered to PNG.
 *
 * @param name    file stem (the PNG is {@code name + ".png"})
 * @param title   what it shows (alt text)
 * @param caption what the marks mean
 * @param width   width in pixels
 * @param height  height in pixels
 * @param bytes   the PNG file's content
 */
public record Png(String name, String title, String caption, int width, int height, byte[] bytes) {
    /** the PNG file's name */
    public String fileName() {
        return name + ".png";
    }
}
