package io.pcapoperator.devcluster.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops what a structural schema does not declare, as kube-apiserver does when it decodes a custom
 * resource: unknown fields (unless {@code x-kubernetes-preserve-unknown-fields}), unknown metadata
 * fields, and nulls of non-nullable fields without a default.
 */
final class Pruner {
  private static final Set<String> OBJECT_META =
      Set.of(
          "name",
          "generateName",
          "namespace",
          "selfLink",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "labels",
          "annotations",
          "ownerReferences",
          "finalizers",
          "managedFields");

  private Pruner() {}

  /** Prunes {@code object}, a resource of schema {@code root}; answers the pruned paths, sorted. */
  static List<String> prune(ObjectNode object, Schema root) {
    List<String> pruned = new ArrayList<>();
    pruneObject(object, root, "", true, pruned);
    Collections.sort(pruned);
    return pruned;
  }

  private static void prune(JsonNode value, Schema schema, String path, List<String> pruned) {
    if (schema == null) {
      return;
    }
    if (value instanceof ObjectNode object) {
      pruneObject(object, schema, path, schema.embeddedResource, pruned);
    } else if (value.isArray() && schema.items != null) {
      for (int i = 0; i < value.size(); i++) {
        prune(value.get(i), schema.items, FieldPaths.index(path, i), pruned);
      }
    }
  }

  private static void pruneObject(
      ObjectNode object, Schema schema, String path, boolean resource, List<String> pruned) {
    Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      String fieldPath = FieldPaths.child(path, name);
      if (resource && (name.equals("apiVersion") || name.equals("kind"))) {
        continue;
      }
      if (resource && name.equals("metadata")) {
        pruneMetadata(field.getValue(), fieldPath, pruned);
        continue;
      }
      if (!schema.declares(name)) {
        pruned.add(fieldPath);
        fields.remove();
        continue;
      }
      Schema fieldSchema = schema.field(name);
      if (field.getValue().isNull()
          && fieldSchema != null
          && !fieldSchema.nullable
          && fieldSchema.defaultValue == null) {
        fields.remove();
        continue;
      }
      prune(field.getValue(), fieldSchema, fieldPath, pruned);
    }
  }

  private static void pruneMetadata(JsonNode metadata, String path, List<String> pruned) {
    if (!(metadata instanceof ObjectNode object)) {
      return;
    }
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!OBJECT_META.contains(name)) {
        pruned.add(FieldPaths.child(path, name));
        names.remove();
      }
    }
  }
}
