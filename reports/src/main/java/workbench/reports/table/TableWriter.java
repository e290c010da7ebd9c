package workbench.reports.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Table} as text. The shared logic — column widths, padding, one line per row —
 * lives here; each writer only says how a row and the header divider look.
 */
public sealed interface TableWriter permits ConsoleTable, MarkdownTable {

    /** plain aligned text for a terminal */
    static TableWriter console() {
        return new ConsoleTable();
    }

    /** a GitHub-flavoured Markdown table */
    static TableWriter markdown() {
        return new MarkdownTable();
    }

    /** the table as lines, each ending in '\n' */
    default String render(Table table) {
        Table t = escape(table);
        int[] widths = new int[t.columns()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.max(minWidth(), t.width(c));
        }
        StringBuilder out = new StringBuilder();
        out.append(row(padded(t, t.header(), widths))).append('\n');
        divider(t, widths).ifPresent(d -> out.append(d).append('\n'));
        for (List<String> r : t.rows()) {
            out.append(row(padded(t, r, widths))).append('\n');
        }
        return out.toString();
    }

    /** the narrowest a column may be (Markdown's divider needs three characters) */
    int minWidth();

    /** cells made safe for the format */
    Table escape(Table table);

    /** one line from padded cells */
    String row(List<String> cells);

    /** the line under the header, if the format has one */
    java.util.Optional<String> divider(Table table, int[] widths);

    private static List<String> padded(Table t, List<String> cells, int[] widths) {
        List<String> out = new ArrayList<>(cells.size());
        for (int c = 0; c < cells.size(); c++) {
            out.add(t.pad(cells.get(c), c, widths[c]));
        }
        return out;
    }
}
