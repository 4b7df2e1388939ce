package io.pcapoperator.devcluster.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.NullValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as CEL sees them in kube-apiserver: maps, lists, strings, 64-bit integers, doubles
 * (for {@code type: number}), booleans and null.
 */
final class CelValues {
  private CelValues() {}

  static Object of(JsonNode value, Schema schema) {
    if (value.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      value
          .properties()
          .forEach(
              field ->
                  map.put(
                      field.getKey(),
                      of(field.getValue(), schema == null ? null : schema.field(field.getKey()))));
      return map;
    }
    if (value.isArray()) {
      List<Object> list = new ArrayList<>();
      value.forEach(item -> list.add(of(item, schema == null ? null : schema.items)));
      return list;
    }
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isNumber()) {
      boolean asDouble =
          !value.canConvertToLong()
              || value.isFloatingPointNumber()
              || (schema != null && schema.type.equals("number"));
      return asDouble ? (Object) value.asDouble() : (Object) value.asLong();
    }
    return NullValue.NULL_VALUE;
  }
}
