package io.pcapoperator.devcluster.tables;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.api.PrinterColumn;
import io.pcapoperator.devcluster.api.ResourceType;
import io.pcapoperator.devcluster.http.Statuses;
import io.pcapoperator.devcluster.http.TableView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Tables as kube-apiserver serves them to {@code kubectl get}: a Name column, then the kind's
 * printer columns with their priorities (kubectl hides those above 0 without {@code -o wide}), one
 * row per object carrying its metadata, the whole object or nothing, as {@code includeObject} asks.
 */
public final class PrinterTables implements TableView {
  private static final String NAME_DESCRIPTION =
      "Name must be unique within a namespace. Is required when creating resources, although some"
          + " resources may allow a client to request the generation of an appropriate name"
          + " automatically. Name is primarily intended for creation idempotence and configuration"
          + " definition. Cannot be updated.";
  private static final PrinterColumn NAME =
      new PrinterColumn("Name", "string", "name", NAME_DESCRIPTION, 0, ".metadata.name");

  private final Clock clock;
  private final TypeColumns columns = new TypeColumns();

  /** Tables whose ages are counted on {@code clock}. */
  public PrinterTables(Clock clock) {
    this.clock = clock;
  }

  @Override
  public ObjectNode table(
      ResourceType type,
      List<ObjectNode> objects,
      String includeObject,
      String resourceVersion,
      boolean withColumnDefinitions) {
    if (!List.of("None", "Metadata", "Object", "").contains(includeObject)) {
      throw Statuses.badRequest("unrecognized includeObject value: \"" + includeObject + "\"");
    }
    List<Column> typeColumns = columns.of(type);
    ObjectNode table = JsonNodeFactory.instance.objectNode();
    table.put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    table.putObject("metadata").put("resourceVersion", resourceVersion);
    ArrayNode definitions = table.putArray("columnDefinitions");
    if (withColumnDefinitions) {
      definitions.add(definition(NAME));
      typeColumns.forEach(column -> definitions.add(definition(column.definition())));
    }
    ArrayNode rows = table.putArray("rows");
    Instant now = clock.instant();
    for (ObjectNode object : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      cells.add(object.path("metadata").path("name").asText());
      typeColumns.forEach(column -> cells.add(column.cell().read(object, now)));
      switch (includeObject) {
        case "Object" -> row.set("object", object);
        case "None" -> row.putNull("object");
        default -> row.set("object", partialMetadata(object));
      }
    }
    return table;
  }

  private static ObjectNode definition(PrinterColumn column) {
    ObjectNode definition = JsonNodeFactory.instance.objectNode();
    return definition
        .put("name", column.name())
        .put("type", column.type())
        .put("format", column.format())
        .put("description", column.description())
        .put("priority", column.priority());
  }

  private static ObjectNode partialMetadata(ObjectNode object) {
    ObjectNode partial = JsonNodeFactory.instance.objectNode();
    partial.put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
    partial.set("metadata", object.path("metadata").deepCopy());
    return partial;
  }
}
