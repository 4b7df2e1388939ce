package io.pcapoperator.devcluster.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.api.BuiltInTypes;
import io.pcapoperator.devcluster.api.ResourceType;

/**
 * The paths of a kind in its group version's document, each operation tagged with its action and
 * kind; a read-only kind has only its reads. Writes declare {@code dryRun}, {@code fieldManager}
 * and {@code fieldValidation}: kubectl leaves field validation to the server when a kind's PATCH
 * declares {@code fieldValidation}.
 */
final class ApiPaths {
  private ApiPaths() {}

  /** Adds the paths of {@code type} to {@code paths}. */
  static void addTo(ObjectNode paths, ResourceType type) {
    String base =
        type.pathPrefix() + (type.namespaced() ? "/namespaces/{namespace}/" : "/") + type.plural();
    String kindRef = SchemaNames.ref(SchemaNames.of(type, type.kind()));
    ObjectNode collection = paths.putObject(base);
    scope(collection, type, false);
    if (BuiltInTypes.isReview(type)) {
      operation(collection, "post", "create", type, kindRef, true);
      return;
    }
    operation(
        collection,
        "get",
        "list",
        type,
        SchemaNames.ref(SchemaNames.of(type, type.listKind())),
        false);
    if (BuiltInTypes.isReadOnly(type)) {
      ObjectNode item = paths.putObject(base + "/{name}");
      scope(item, type, true);
      operation(item, "get", "get", type, kindRef, false);
      return;
    }
    operation(collection, "post", "post", type, kindRef, true);
    item(paths.putObject(base + "/{name}"), type, kindRef);
    if (type.statusSubresource()) {
      item(paths.putObject(base + "/{name}/status"), type, kindRef);
    }
  }

  private static void item(ObjectNode path, ResourceType type, String kindRef) {
    scope(path, type, true);
    operation(path, "get", "get", type, kindRef, false);
    operation(path, "put", "put", type, kindRef, true);
    operation(path, "patch", "patch", type, kindRef, true);
    operation(path, "delete", "delete", type, kindRef, false);
  }

  private static void scope(ObjectNode path, ResourceType type, boolean named) {
    ArrayNode parameters = path.putArray("parameters");
    if (named) {
      pathParameter(parameters, "name", "name of the " + type.kind());
    }
    if (type.namespaced()) {
      pathParameter(
          parameters, "namespace", "object name and auth scope, such as for teams and projects");
    }
  }

  private static void operation(
      ObjectNode path, String method, String action, ResourceType type, String ref, boolean write) {
    ObjectNode operation = path.putObject(method);
    operation.put("operationId", action + type.kind());
    operation.put("x-kubernetes-action", action);
    operation
        .putObject("x-kubernetes-group-version-kind")
        .put("group", type.group())
        .put("kind", type.kind())
        .put("version", type.version());
    ArrayNode parameters = operation.putArray("parameters");
    if (write) {
      query(parameters, "dryRun", "When present, modifications are not persisted.");
      query(parameters, "fieldManager", "The name of the actor making the change.");
      query(
          parameters,
          "fieldValidation",
          "How unknown and duplicate fields are treated: Ignore, Warn or Strict.");
      if (method.equals("patch")) {
        parameters
            .addObject()
            .put("name", "force")
            .put("in", "query")
            .put("description", "Force is going to \"force\" Apply requests.")
            .putObject("schema")
            .put("type", "boolean");
        operation
            .putObject("requestBody")
            .putObject("content")
            .putObject("application/merge-patch+json")
            .putObject("schema")
            .put("type", "object");
      } else {
        operation
            .putObject("requestBody")
            .putObject("content")
            .putObject("application/json")
            .putObject("schema")
            .put("$ref", ref);
      }
    }
    operation
        .putObject("responses")
        .putObject("200")
        .put("description", "OK")
        .putObject("content")
        .putObject("application/json")
        .putObject("schema")
        .put("$ref", ref);
  }

  private static void pathParameter(ArrayNode parameters, String name, String description) {
    parameters
        .addObject()
        .put("name", name)
        .put("in", "path")
        .put("required", true)
        .put("description", description)
        .putObject("schema")
        .put("type", "string");
  }

  private static void query(ArrayNode parameters, String name, String description) {
    parameters
        .addObject()
        .put("name", name)
        .put("in", "query")
        .put("description", description)
        .putObject("schema")
        .put("type", "string");
  }
}
