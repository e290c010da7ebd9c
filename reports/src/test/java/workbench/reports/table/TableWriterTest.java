package workbench.reports.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableWriterTest {
    private final Table table = new Table(List.of("name", "n"), List.of(Table.Align.LEFT, Table.Align.RIGHT),
            List.of(List.of("a|b", "5"), List.of("longer", "12")));

    @Test
    void consolePadsColumnsTwoSpacesApartWithoutTrailingBlanks() {
        assertThat(TableWriter.console().render(table)).isEqualTo(
                "name     n\n"
                + "a|b      5\n"
                + "longer  12\n");
    }

    @Test
    void markdownEscapesPipesAndMarksRightAlignedColumns() {
        assertThat(TableWriter.markdown().render(table)).isEqualTo(
                "| name   |   n |\n"
                + "| ------ | --: |\n"
                + "| a\\|b   |   5 |\n"
                + "| longer |  12 |\n");
    }

    @Test
    void rowsMustMatchTheHeader() {
        assertThatThrownBy(() -> Table.of(List.of("a", "b"), List.of(List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row has 1 cells, header 2");
    }
}
