package io.pcapoperator.devcluster.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.api.BuiltInTypes;
import io.pcapoperator.devcluster.api.PrinterColumn;
import io.pcapoperator.devcluster.api.ResourceType;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The columns kube-apiserver's printers show for the built-in kinds served here (all of them, the
 * wide ones with priority 1), after the Name column.
 */
final class BuiltInColumns {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private BuiltInColumns() {}

  /** The columns of {@code type}, a built-in kind, after Name. */
  static List<Column> of(ResourceType type) {
    if (type == BuiltInTypes.NAMESPACES) {
      return List.of(text("Status", "The status of the namespace", 0, ".status.phase"), age());
    } else if (type == BuiltInTypes.SECRETS) {
      return List.of(
          text("Type", "The type of the secret", 0, ".type"),
          column(
              "Data",
              "The number of data entries in the secret",
              0,
              (o, now) -> NODES.numberNode(count(o, "data"))),
          age());
    } else if (type == BuiltInTypes.CONFIG_MAPS) {
      return List.of(
          column(
              "Data",
              "The number of data entries in the configmap",
              0,
              (o, now) -> NODES.numberNode(count(o, "data") + count(o, "binaryData"))),
          age());
    } else if (type == BuiltInTypes.LEASES) {
      return List.of(text("Holder", "The holder of the lease", 0, ".spec.holderIdentity"), age());
    } else if (type == BuiltInTypes.EVENTS) {
      return EventColumns.all();
    } else if (type == BuiltInTypes.CRDS) {
      return List.of(
          new Column(
              new PrinterColumn("Created At", "date", "", "When the definition was created", 0, ""),
              (o, now) -> NODES.textNode(createdAt(o))));
    }
    return List.of(age());
  }

  /** The AGE column of built-in kinds: how long ago the object was created. */
  static Column age() {
    return column(
        "Age",
        "How long ago the object was created",
        0,
        (o, now) ->
            NODES.textNode(Ages.age(o.path("metadata").path("creationTimestamp").asText(""), now)));
  }

  /** A string column of the text at {@code path} (a plain {@code .a.b} path), empty when none. */
  static Column text(String name, String description, int priority, String path) {
    String[] fields = path.substring(1).split("\\.");
    return column(
        name,
        description,
        priority,
        (o, now) -> {
          JsonNode node = o;
          for (String field : fields) {
            node = node.path(field);
          }
          return NODES.textNode(node.isValueNode() ? node.asText() : "");
        });
  }

  /** A string column whose cells {@code cell} computes. */
  static Column column(String name, String description, int priority, Column.Cell cell) {
    return new Column(new PrinterColumn(name, "string", "", description, priority, ""), cell);
  }

  private static int count(ObjectNode object, String field) {
    return object.path(field).size();
  }

  private static String createdAt(ObjectNode object) {
    String created = object.path("metadata").path("creationTimestamp").asText("");
    return created.isEmpty()
        ? ""
        : OffsetDateTime.parse(created).toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
