package io.pcapoperator.plugin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table printed as kubectl prints one: upper-case headers, each column as wide as its widest cell
 * plus three spaces (six at least), the last column not padded. A missing cell reads {@code
 * <none>}.
 */
final class TextTable {
  /** The cell of a value that is not there. */
  static final String NONE = "<none>";

  private static final int PADDING = 3;
  private static final int MIN_WIDTH = 6;

  private final List<String[]> rows = new ArrayList<>();

  /** A table with these column headers. */
  TextTable(String... headers) {
    rows.add(headers);
  }

  /** Adds a row of cells, one per header; null cells read {@code <none>}. */
  TextTable row(Object... cells) {
    rows.add(
        Arrays.stream(cells).map(c -> c == null ? NONE : String.valueOf(c)).toArray(String[]::new));
    return this;
  }

  /** Whether the table has rows besides its headers. */
  boolean isEmpty() {
    return rows.size() == 1;
  }

  /** The table's lines, each ending in a newline. */
  String render() {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns - 1; c++) {
        widths[c] = Math.max(widths[c], Math.max(MIN_WIDTH, row[c].length() + PADDING));
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] row : rows) {
      for (int c = 0; c < columns - 1; c++) {
        text.append(row[c]).append(" ".repeat(widths[c] - row[c].length()));
      }
      text.append(row[columns - 1]).append('\n');
    }
    return text.toString();
  }
}
