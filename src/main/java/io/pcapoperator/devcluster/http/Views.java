package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.api.ResourceType;
import java.util.List;

/**
 * How stored objects are shown: at the version the client asked for, or as a Table when it asked
 * for one.
 */
public final class Views {
  private final TableView tables;

  /** Views that render Tables with {@code tables}. */
  public Views(TableView tables) {
    this.tables = tables;
  }

  /** The object at the version of {@code type} (a copy only when the stored one differs). */
  public ObjectNode object(ResourceType type, ObjectNode stored) {
    if (type.apiVersion().equals(stored.path("apiVersion").asText())) {
      return stored;
    }
    ObjectNode copy = stored.deepCopy();
    copy.put("apiVersion", type.apiVersion());
    return copy;
  }

  /** One object, as a Table of one row when asked. */
  public ObjectNode single(ApiRequest request, ResourceType type, ObjectNode stored) {
    if (request.wantsTable()) {
      return table(
          request,
          type,
          List.of(stored),
          stored.path("metadata").path("resourceVersion").asText(),
          true);
    }
    return object(type, stored);
  }

  /** A Table of {@code objects}. */
  public ObjectNode table(
      ApiRequest request,
      ResourceType type,
      List<ObjectNode> objects,
      String resourceVersion,
      boolean withColumnDefinitions) {
    String includeObject = request.param("includeObject");
    return tables.table(
        type,
        objects.stream().map(o -> object(type, o)).toList(),
        includeObject == null ? "Metadata" : includeObject,
        resourceVersion,
        withColumnDefinitions);
  }
}
