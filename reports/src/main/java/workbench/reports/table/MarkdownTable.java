package workbench.reports.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A GitHub-flavoured Markdown table, padded so that its source reads as a table too. */
public final class MarkdownTable implements TableWriter {
    MarkdownTable() {
    }

    @Override
    public int minWidth() {
        return 3;
    }

    @Override
    public Table escape(Table table) {
        return table.map(cell -> cell.replace("|", "\\|").replace('\n', ' ').replace('\r', ' '));
    }

    @Override
    public String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    @Override
    public Optional<String> divider(Table table, int[] widths) {
        List<String> rules = new ArrayList<>();
        for (int c = 0; c < widths.length; c++) {
            int w = widths[c];
            rules.add(table.align().get(c) == Table.Align.RIGHT ? "-".repeat(w - 1) + ":" : "-".repeat(w));
        }
        return Optional.of(row(rules));
    }
}
