package io.pcapoperator.devcluster.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.NullValue;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as CEL sees them in kube-apiserver: maps, lists, strings, timestamps (for {@code
 * format: date-time} and {@code date}), 64-bit integers, doubles (for {@code type: number}),
 * booleans and null.
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
      return schema == null ? value.asText() : text(value.asText(), schema.format);
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

  private static Object text(String text, String format) {
    try {
      Instant instant =
          switch (format) {
            case "date-time", "datetime" -> OffsetDateTime.parse(text).toInstant();
            case "date" -> LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            default -> null;
          };
      return instant == null
          ? text
          : Timestamp.newBuilder()
              .setSeconds(instant.getEpochSecond())
              .setNanos(instant.getNano())
              .build();
    } catch (DateTimeParseException e) {
      return text;
    }
  }
}
