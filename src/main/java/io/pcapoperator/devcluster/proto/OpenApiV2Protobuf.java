package io.pcapoperator.devcluster.proto;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Encodes a Swagger 2.0 document as the protobuf that kubectl asks {@code /openapi/v2} for (and
 * reads for client-side validation, e.g. of a {@code kind: List}): the {@code openapi.v2.Document}
 * message of gnostic's {@code OpenAPIv2.proto}, with its info and schema definitions (paths empty).
 * Values of free form ({@code default}, {@code enum}, {@code x-} extensions) go in {@code Any.yaml}
 * as JSON text, which YAML reads as it is.
 */
public final class OpenApiV2Protobuf {
  /**
   * The content type of the answer: kubectl asks for {@code
   * application/com.github.proto-openapi.spec.v2@v1.0+protobuf}, but Go's MIME parser refuses the
   * {@code @} in an answer, so kube-apiserver answers with a dot in its place.
   */
  public static final String MEDIA_TYPE =
      "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

  /** What an {@code Accept} header asking for either spelling contains. */
  public static final String ACCEPTED = "application/com.github.proto-openapi.spec.v2";

  private static final Map<String, Integer> STRINGS =
      Map.of("$ref", 1, "format", 2, "title", 3, "description", 4, "pattern", 13);
  private static final Map<String, Integer> NUMBERS =
      Map.of("multipleOf", 6, "maximum", 7, "minimum", 9);
  private static final Map<String, Integer> BOOLEANS =
      Map.of("exclusiveMaximum", 8, "exclusiveMinimum", 10, "uniqueItems", 16, "readOnly", 27);
  private static final Map<String, Integer> COUNTS =
      Map.of(
          "maxLength", 11,
          "minLength", 12,
          "maxItems", 14,
          "minItems", 15,
          "maxProperties", 17,
          "minProperties", 18);
  private static final Map<String, Integer> ANYS = Map.of("default", 5, "example", 30);

  private OpenApiV2Protobuf() {}

  /** The protobuf of {@code swagger}, a Swagger 2.0 document with {@code info} and definitions. */
  public static byte[] encode(JsonNode swagger) {
    ProtoWriter document = new ProtoWriter().string(1, swagger.path("swagger").asText());
    JsonNode info = swagger.path("info");
    document.message(
        2,
        new ProtoWriter()
            .string(1, info.path("title").asText())
            .string(2, info.path("version").asText()));
    document.message(8, new ProtoWriter());
    document.message(9, namedSchemas(swagger.path("definitions")));
    return document.toByteArray();
  }

  /** A message of {@code NamedSchema}s (field 1): {@code Definitions} or {@code Properties}. */
  private static ProtoWriter namedSchemas(JsonNode schemas) {
    ProtoWriter named = new ProtoWriter();
    schemas
        .properties()
        .forEach(
            entry ->
                named.message(
                    1,
                    new ProtoWriter()
                        .string(1, entry.getKey())
                        .message(2, schema(entry.getValue()))));
    return named;
  }

  private static ProtoWriter schema(JsonNode schema) {
    ProtoWriter message = new ProtoWriter();
    schema
        .properties()
        .forEach(
            entry -> {
              String key = entry.getKey();
              JsonNode value = entry.getValue();
              if (STRINGS.containsKey(key)) {
                message.string(STRINGS.get(key), value.asText());
              } else if (NUMBERS.containsKey(key)) {
                message.float64(NUMBERS.get(key), value.asDouble());
              } else if (BOOLEANS.containsKey(key)) {
                message.bool(BOOLEANS.get(key), value.asBoolean());
              } else if (COUNTS.containsKey(key)) {
                message.int64(COUNTS.get(key), value.asLong());
              } else if (ANYS.containsKey(key)) {
                message.message(ANYS.get(key), any(value));
              } else if (key.startsWith("x-")) {
                message.message(31, new ProtoWriter().string(1, key).message(2, any(value)));
              } else {
                structured(message, key, value);
              }
            });
    return message;
  }

  /** The fields whose values are schemas or lists; keywords Swagger 2.0 lacks are left out. */
  private static void structured(ProtoWriter message, String key, JsonNode value) {
    switch (key) {
      case "required" -> value.forEach(name -> message.string(19, name.asText()));
      case "enum" -> value.forEach(option -> message.message(20, any(option)));
      case "additionalProperties" ->
          message.message(
              21,
              value.isBoolean()
                  ? new ProtoWriter().int64(2, value.asBoolean() ? 1 : 0)
                  : new ProtoWriter().message(1, schema(value)));
      case "type" -> {
        ProtoWriter types = new ProtoWriter();
        if (value.isArray()) {
          value.forEach(type -> types.string(1, type.asText()));
        } else {
          types.string(1, value.asText());
        }
        message.message(22, types);
      }
      case "items" -> {
        ProtoWriter items = new ProtoWriter();
        if (value.isArray()) {
          value.forEach(item -> items.message(1, schema(item)));
        } else {
          items.message(1, schema(value));
        }
        message.message(23, items);
      }
      case "properties" -> message.message(25, namedSchemas(value));
      default -> {
        // Not in Swagger 2.0's schema object, so not in the message either.
      }
    }
  }

  /** An {@code Any} with the value as YAML (field 2). */
  private static ProtoWriter any(JsonNode value) {
    return new ProtoWriter().string(2, value.toString());
  }
}
