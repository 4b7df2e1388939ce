package io.pcapoperator.devcluster.tables;

import io.pcapoperator.devcluster.api.BuiltInTypes;
import io.pcapoperator.devcluster.api.PrinterColumn;
import io.pcapoperator.devcluster.api.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The columns of each served kind after Name, their JSONPaths parsed once per kind. A CRD version
 * without {@code additionalPrinterColumns} gets kube's default Age column.
 */
final class TypeColumns {
  private static final PrinterColumn DEFAULT_AGE =
      new PrinterColumn(
          "Age",
          "date",
          "",
          "CreationTimestamp is a timestamp representing the server time when this object was"
              + " created.",
          0,
          ".metadata.creationTimestamp");

  private record Parsed(ResourceType type, List<Column> columns) {}

  private final Map<String, Parsed> byType = new ConcurrentHashMap<>();

  /** The columns of {@code type}, parsed again only when its CRD changed. */
  List<Column> of(ResourceType type) {
    String key = type.apiVersion() + "/" + type.plural();
    Parsed parsed = byType.get(key);
    if (parsed == null || parsed.type() != type) {
      parsed = new Parsed(type, parse(type));
      byType.put(key, parsed);
    }
    return parsed.columns();
  }

  private static List<Column> parse(ResourceType type) {
    if (BuiltInTypes.ALL.contains(type)) {
      return BuiltInColumns.of(type);
    }
    List<PrinterColumn> defined =
        type.printerColumns().isEmpty() ? List.of(DEFAULT_AGE) : type.printerColumns();
    return defined.stream().map(TypeColumns::describe).toList();
  }

  private static Column describe(PrinterColumn column) {
    String description =
        column.description().isEmpty()
            ? "Custom resource definition column (in JSONPath format): " + column.jsonPath()
            : column.description();
    return new Column(
        new PrinterColumn(
            column.name(),
            column.type(),
            column.format(),
            description,
            column.priority(),
            column.jsonPath()),
        JsonPathCell.of(column));
  }
}
