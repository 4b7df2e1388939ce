package io.pcapoperator.devcluster.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a CRD's structural schema, read once from its {@code openAPIV3Schema} with its
 * patterns and CEL rules compiled.
 */
final class Schema {
  final String type;
  final boolean nullable;
  final boolean intOrString;
  final boolean preserveUnknownFields;
  final boolean embeddedResource;
  final Map<String, Schema> properties = new LinkedHashMap<>();
  final Schema items;
  final Schema additionalProperties;
  final boolean additionalPropertiesAllowed;
  final List<String> required = new ArrayList<>();
  final List<JsonNode> enumValues = new ArrayList<>();
  final JsonNode defaultValue;
  final JsonNode minimum;
  final JsonNode maximum;
  final boolean exclusiveMinimum;
  final boolean exclusiveMaximum;
  final Long minLength;
  final Long maxLength;
  final Long minItems;
  final Long maxItems;
  final Long minProperties;
  final Long maxProperties;
  final String patternText;
  final Pattern pattern;
  final String format;
  final List<CelRule> rules = new ArrayList<>();

  private Schema(JsonNode node) {
    type = node.path("type").asText("");
    nullable = node.path("nullable").asBoolean(false);
    intOrString = node.path("x-kubernetes-int-or-string").asBoolean(false);
    preserveUnknownFields = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    embeddedResource = node.path("x-kubernetes-embedded-resource").asBoolean(false);
    node.path("properties").properties().forEach(e -> properties.put(e.getKey(), of(e.getValue())));
    items = node.path("items").isObject() ? of(node.get("items")) : null;
    JsonNode additional = node.path("additionalProperties");
    additionalProperties = additional.isObject() ? of(additional) : null;
    additionalPropertiesAllowed = additional.isObject() || additional.asBoolean(false);
    node.path("required").forEach(name -> required.add(name.asText()));
    node.path("enum").forEach(enumValues::add);
    defaultValue = node.get("default");
    minimum = node.get("minimum");
    maximum = node.get("maximum");
    exclusiveMinimum = node.path("exclusiveMinimum").asBoolean(false);
    exclusiveMaximum = node.path("exclusiveMaximum").asBoolean(false);
    minLength = optionalLong(node, "minLength");
    maxLength = optionalLong(node, "maxLength");
    minItems = optionalLong(node, "minItems");
    maxItems = optionalLong(node, "maxItems");
    minProperties = optionalLong(node, "minProperties");
    maxProperties = optionalLong(node, "maxProperties");
    patternText = node.hasNonNull("pattern") ? node.get("pattern").asText() : null;
    pattern = patternText == null ? null : Pattern.compile(patternText);
    format = node.path("format").asText("");
    node.path("x-kubernetes-validations").forEach(rule -> rules.add(CelRule.compile(rule)));
  }

  /** The compiled form of {@code node}. */
  static Schema of(JsonNode node) {
    return new Schema(node);
  }

  /** The schema of the object field {@code name}, or {@code null} when it has none. */
  Schema field(String name) {
    Schema property = properties.get(name);
    return property != null ? property : additionalProperties;
  }

  /** Whether the field {@code name} of an object of this schema is kept by pruning. */
  boolean declares(String name) {
    return preserveUnknownFields || properties.containsKey(name) || additionalPropertiesAllowed;
  }

  private static Long optionalLong(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asLong() : null;
  }
}
