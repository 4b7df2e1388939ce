package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.api.ResourceType;
import java.util.List;

/** Renders objects as a {@code meta.k8s.io/v1} Table for {@code kubectl get}. */
public interface TableView {
  /**
   * The Table of {@code objects}.
   *
   * @param includeObject the {@code includeObject} parameter: {@code None}, {@code Metadata} or
   *     {@code Object}
   * @param resourceVersion the version the objects were read at
   * @param withColumnDefinitions false for the later events of a watch, whose header is printed
   */
  ObjectNode table(
      ResourceType type,
      List<ObjectNode> objects,
      String includeObject,
      String resourceVersion,
      boolean withColumnDefinitions);
}
