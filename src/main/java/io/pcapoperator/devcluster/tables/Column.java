package io.pcapoperator.devcluster.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.api.PrinterColumn;
import java.time.Instant;

/**
 * One column of a Table: its definition and how a row's cell is read from an object.
 *
 * @param definition name, type, format, description and priority as served
 * @param cell the cell of an object at a given time; JSON null for none
 */
record Column(PrinterColumn definition, Cell cell) {
  /** Reads one cell. */
  @FunctionalInterface
  interface Cell {
    /** The cell of {@code object} at {@code now}. */
    JsonNode read(ObjectNode object, Instant now);
  }
}
