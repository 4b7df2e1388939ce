package io.pcapoperator.devcluster.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Turns the OpenAPI v3 schemas of this package into Swagger 2.0 ones, as kube-apiserver publishes a
 * CRD's schema in {@code /openapi/v2}: references point into {@code #/definitions/}; {@code allOf},
 * {@code oneOf}, {@code anyOf} and {@code not} are dropped; a nullable value loses its type, items
 * and properties (and its place in {@code required}); a value that preserves unknown fields loses
 * its items and properties; an array left without items loses its type. kubectl validates against
 * what remains.
 */
final class V2Schemas {
  private static final String V3_REFS = "#/components/schemas/";
  private static final String V2_REFS = "#/definitions/";

  private V2Schemas() {}

  /** A Swagger 2.0 copy of {@code schema}. */
  static ObjectNode of(ObjectNode schema) {
    ObjectNode v2 = schema.deepCopy();
    convert(v2);
    return v2;
  }

  private static void convert(ObjectNode schema) {
    JsonNode allOf = schema.get("allOf");
    if (allOf != null && allOf.size() == 1 && allOf.get(0).has("$ref")) {
      // This package's way of giving a reference a description, which v2 allows beside $ref.
      schema.put("$ref", allOf.get(0).get("$ref").asText());
    }
    schema.remove(List.of("allOf", "oneOf", "anyOf", "not"));
    if (schema.has("$ref")) {
      schema.put("$ref", schema.get("$ref").asText().replace(V3_REFS, V2_REFS));
    }
    if (schema.path("nullable").asBoolean(false)) {
      schema.remove(List.of("nullable", "type", "items", "properties"));
    }
    if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      schema.remove(List.of("items", "properties"));
    }
    if (schema.get("properties") instanceof ObjectNode properties) {
      if (schema.get("required") instanceof ArrayNode required) {
        for (int i = required.size() - 1; i >= 0; i--) {
          if (properties.path(required.get(i).asText()).path("nullable").asBoolean(false)) {
            required.remove(i);
          }
        }
      }
      properties.properties().forEach(entry -> convert((ObjectNode) entry.getValue()));
    }
    if (schema.get("items") instanceof ObjectNode items) {
      convert(items);
    }
    if (schema.get("additionalProperties") instanceof ObjectNode additional) {
      convert(additional);
    }
    if (schema.path("type").asText().equals("array") && !schema.has("items")) {
      schema.remove("type");
    }
  }
}
