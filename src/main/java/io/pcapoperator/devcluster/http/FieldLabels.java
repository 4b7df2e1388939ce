package io.pcapoperator.devcluster.http;

import io.pcapoperator.devcluster.api.BuiltInTypes;
import io.pcapoperator.devcluster.api.ResourceType;
import java.util.Map;
import java.util.Set;

/**
 * The fields kube-apiserver selects objects of a kind by, and its refusal of any other: {@code
 * metadata.name} and {@code metadata.namespace} everywhere (a cluster-scoped custom resource has no
 * namespace to select by), and a few more for Events, Secrets and Namespaces.
 */
final class FieldLabels {
  private static final Set<String> METADATA = Set.of("metadata.name", "metadata.namespace");
  private static final Map<ResourceType, Set<String>> MORE =
      Map.of(
          BuiltInTypes.EVENTS,
          Set.of(
              "involvedObject.kind",
              "involvedObject.namespace",
              "involvedObject.name",
              "involvedObject.uid",
              "involvedObject.apiVersion",
              "involvedObject.resourceVersion",
              "involvedObject.fieldPath",
              "reason",
              "reportingComponent",
              "source",
              "type"),
          BuiltInTypes.SECRETS,
          Set.of("type"),
          BuiltInTypes.NAMESPACES,
          Set.of("status.phase"));

  private FieldLabels() {}

  /** Refuses a selector on {@code field} of {@code type} as kube does, with a 400. */
  static void check(ResourceType type, String field) {
    if (type.schema() != null) {
      if (!field.equals("metadata.name")
          && !(type.namespaced() && field.equals("metadata.namespace"))) {
        throw Statuses.badRequest("field label not supported: " + field);
      }
      return;
    }
    if (METADATA.contains(field)) {
      return;
    }
    Set<String> more = MORE.get(type);
    if (more == null) {
      throw Statuses.badRequest(
          "\""
              + field
              + "\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"");
    }
    if (!more.contains(field)) {
      throw Statuses.badRequest("field label not supported: " + field);
    }
  }
}
