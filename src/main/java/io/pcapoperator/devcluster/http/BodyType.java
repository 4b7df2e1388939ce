package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.admission.GoFormat;
import io.pcapoperator.devcluster.api.ResourceType;

/**
 * kube-apiserver's refusal of a body whose {@code apiVersion} or {@code kind} is not the URL's; a
 * body that leaves them out takes the URL's.
 */
final class BodyType {
  private BodyType() {}

  /** Refuses {@code body} when it names another API version or kind than {@code type}. */
  static void check(ResourceType type, ObjectNode body) {
    String apiVersion = body.path("apiVersion").asText("");
    if (!apiVersion.isEmpty() && !apiVersion.equals(type.apiVersion())) {
      throw Statuses.badRequest(
          "the API version in the data ("
              + apiVersion
              + ") does not match the expected API version ("
              + type.apiVersion()
              + ")");
    }
    String kind = body.path("kind").asText("");
    if (kind.isEmpty() || kind.equals(type.kind())) {
      return;
    }
    if (type.schema() != null) {
      throw Statuses.invalid(
          type,
          body.path("metadata").path("name").asText(""),
          "kind",
          "Invalid value: " + GoFormat.quote(kind) + ": must be " + type.kind());
    }
    String group = type.group().isEmpty() ? "core" : type.group().split("\\.")[0];
    throw Statuses.badRequest(
        String.format(
            "%s in version \"%s\" cannot be handled as a %s: converting (%s.%s) to (%s.%s):"
                + " unknown conversion",
            kind, type.version(), type.kind(), type.version(), kind, group, type.kind()));
  }
}
