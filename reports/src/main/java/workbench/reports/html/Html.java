package workbench.reports.html;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import workbench.reports.chart.Charts;
import workbench.reports.chart.Png;
import workbench.reports.table.Table;
import workbench.reports.warn.Warning;

/**
 * The pieces every report page is made of, escaped once here. The markup is HTML5 that is also
 * well-formed XML (every element closed, only numeric character references), and it loads nothing:
 * styles are inline, images are data: URIs.
 */
public final class Html {
    private static final String STYLE = """
            body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:0 auto;max-width:1320px;padding:16px 28px;\
            color:#1d232a;background:#fff;line-height:1.45}
            h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;border-bottom:2px solid #d5dbe1;padding-bottom:.2em;\
            margin-top:1.6em}h3{font-size:1.05em;margin:1.2em 0 .4em}
            .state{color:#4a5560;margin:.2em 0}.note{color:#4a5560;font-size:.92em}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;font-size:.88em;margin:.4em 0 1em}
            th,td{border:1px solid #d5dbe1;padding:3px 8px;vertical-align:top}
            th{background:#eef2f5;text-align:left}td.r,th.r{text-align:right;font-variant-numeric:tabular-nums}
            tbody tr:nth-child(even){background:#f8fafb}
            ul.headline li{margin:.3em 0;font-size:1.05em}
            ul.warnings{padding:0;list-style:none}
            ul.warnings li{background:#fff7e0;border-left:4px solid #e0a100;padding:5px 10px;margin:4px 0}
            .tag{font-family:"DejaVu Sans Mono",monospace;font-size:.85em;font-weight:bold;margin-right:.5em}
            figure{margin:1.2em 0 2em;overflow-x:auto}figure img{max-width:100%;height:auto;border:1px solid #e3e7eb}
            figure img.wide{max-width:none}
            figcaption{color:#4a5560;font-size:.9em;max-width:1000px}
            pre{background:#f3f5f7;border:1px solid #d5dbe1;padding:8px 10px;overflow-x:auto;white-space:pre-wrap}
            code{font-family:"DejaVu Sans Mono",monospace;font-size:.9em}
            footer{color:#7a8590;font-size:.85em;margin-top:3em;border-top:1px solid #d5dbe1;padding-top:.5em}
            """;

    private Html() {
    }

    /** text made safe for element content and attribute values */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append(' '); // control characters are not allowed in XML 1.0
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** the whole page around {@code body}: doctype, charset, title, the inline style sheet */
    public static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                + "<title>" + escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n"
                + body + "</body>\n</html>\n";
    }

    /** a table with a header row; right-aligned columns get class "r" */
    public static String table(Table table, String id) {
        StringBuilder out = new StringBuilder("<div class=\"scroll\"><table id=\"").append(escape(id)).append("\">\n<thead><tr>");
        for (int c = 0; c < table.columns(); c++) {
            out.append("<th").append(cls(table, c)).append('>').append(escape(table.header().get(c))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            out.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                out.append("<td").append(cls(table, c)).append('>').append(escape(row.get(c))).append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody>\n</table></div>\n").toString();
    }

    /** a two-column table of names and values, in the map's order */
    public static String keyValues(Map<String, String> values, String id, String keyTitle, String valueTitle) {
        List<List<String>> rows = values.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList();
        return table(Table.of(List.of(keyTitle, valueTitle), rows), id);
    }

    /** a chart as an embedded PNG with alt text and its caption, naming the SVG beside the page (no link: the page loads nothing) */
    public static String figure(Png png, String idPrefix) {
        // a chart widened for its many bars keeps its size, scrolling sideways: shrunk, its labels would not be legible
        String wide = png.width() > Charts.WIDTH ? " class=\"wide\"" : "";
        return "<figure id=\"" + escape(idPrefix + png.name()) + "\">\n<img" + wide + " src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png.bytes()) + "\" alt=\"" + escape(png.title()) + "\" width=\""
                + png.width() + "\" height=\"" + png.height() + "\"/>\n<figcaption><strong>" + escape(png.title())
                + ".</strong> " + escape(png.caption()) + " <span class=\"file\">Vector copy beside this page: charts/"
                + escape(png.svgFileName()) + ".</span></figcaption>\n</figure>\n";
    }

    /** the warnings as a list, or a line saying there are none */
    public static String warnings(List<Warning.Found> found) {
        if (found.isEmpty()) {
            return "<p id=\"no-warnings\">No warnings.</p>\n";
        }
        StringBuilder out = new StringBuilder("<ul class=\"warnings\">\n");
        for (Warning.Found f : found) {
            out.append("<li><span class=\"tag\">").append(f.warning()).append("</span><strong>")
                    .append(escape(f.subject())).append("</strong>: ").append(escape(f.text())).append("</li>\n");
        }
        return out.append("</ul>\n").toString();
    }

    /** {@code <tag>escaped text</tag>} */
    public static String element(String tag, String text) {
        return "<" + tag + ">" + escape(text) + "</" + tag + ">\n";
    }

    private static String cls(Table table, int column) {
        return table.align().get(column) == Table.Align.RIGHT ? " class=\"r\"" : "";
    }
}
