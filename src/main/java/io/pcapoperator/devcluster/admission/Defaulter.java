package io.pcapoperator.devcluster.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Fills in the {@code default} of every absent (or non-nullable null) field, top down. */
final class Defaulter {
  private Defaulter() {}

  static void apply(JsonNode value, Schema schema) {
    if (schema == null) {
      return;
    }
    if (value instanceof ObjectNode object) {
      for (Map.Entry<String, Schema> property : schema.properties.entrySet()) {
        Schema field = property.getValue();
        JsonNode current = object.get(property.getKey());
        if (field.defaultValue != null
            && (current == null || (current.isNull() && !field.nullable))) {
          object.set(property.getKey(), field.defaultValue.deepCopy());
        }
      }
      object.properties().forEach(field -> apply(field.getValue(), schema.field(field.getKey())));
    } else if (value.isArray()) {
      value.forEach(item -> apply(item, schema.items));
    }
  }
}
