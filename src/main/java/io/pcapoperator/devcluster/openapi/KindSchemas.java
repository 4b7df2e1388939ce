package io.pcapoperator.devcluster.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.api.ResourceType;

/**
 * The schemas of a kind and of its list, tagged with {@code x-kubernetes-group-version-kind}. A CRD
 * kind's is its {@code openAPIV3Schema} with {@code apiVersion}, {@code kind} and {@code metadata}
 * added, as kube-apiserver publishes it; a built-in kind's names only those fields and leaves the
 * rest open, since the server validates.
 */
final class KindSchemas {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String API_VERSION =
      "APIVersion defines the versioned schema of this representation of an object.";
  private static final String KIND =
      "Kind is a string value representing the REST resource this" + " object represents.";

  private KindSchemas() {}

  /** The schema of objects of {@code type}. */
  static ObjectNode kind(ResourceType type) {
    ObjectNode schema =
        type.schema() != null && type.schema().isObject()
            ? (ObjectNode) type.schema().deepCopy()
            : NODES.objectNode().put("type", "object");
    if (type.schema() == null) {
      schema.put("x-kubernetes-preserve-unknown-fields", true);
    }
    ObjectNode properties = properties(schema);
    ObjectNode metadata = NODES.objectNode();
    metadata.putArray("allOf").addObject().put("$ref", SchemaNames.ref(SchemaNames.OBJECT_META));
    metadata.put("description", "Standard object's metadata.");
    properties.set("metadata", metadata);
    tag(schema, type, type.kind());
    return schema;
  }

  /** The schema of a list of {@code type}. */
  static ObjectNode list(ResourceType type) {
    ObjectNode schema = NODES.objectNode();
    schema.put("description", type.listKind() + " is a list of " + type.kind());
    schema.put("type", "object");
    schema.putArray("required").add("items");
    ObjectNode properties = properties(schema);
    ObjectNode items = properties.putObject("items").put("type", "array");
    items.putObject("items").put("$ref", SchemaNames.ref(SchemaNames.of(type, type.kind())));
    properties
        .putObject("metadata")
        .putArray("allOf")
        .addObject()
        .put("$ref", SchemaNames.ref(SchemaNames.LIST_META));
    tag(schema, type, type.listKind());
    return schema;
  }

  private static ObjectNode properties(ObjectNode schema) {
    JsonNode existing = schema.get("properties");
    ObjectNode properties =
        existing instanceof ObjectNode object ? object : schema.putObject("properties");
    properties.putObject("apiVersion").put("type", "string").put("description", API_VERSION);
    properties.putObject("kind").put("type", "string").put("description", KIND);
    return properties;
  }

  private static void tag(ObjectNode schema, ResourceType type, String kind) {
    schema
        .putArray("x-kubernetes-group-version-kind")
        .addObject()
        .put("group", type.group())
        .put("kind", kind)
        .put("version", type.version());
  }
}
