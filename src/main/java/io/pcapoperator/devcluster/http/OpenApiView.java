package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.api.ResourceType;
import java.util.List;
import java.util.Optional;

/**
 * The OpenAPI documents kubectl downloads: v3 before {@code apply}, {@code edit} and {@code
 * explain}, v2 to validate what v3 cannot speak for, such as a {@code kind: List}.
 */
public interface OpenApiView {
  /** {@code /openapi/v3}: the index of group-version documents. */
  ObjectNode index(List<ResourceType> served);

  /**
   * {@code /openapi/v3/api/v1} or {@code /openapi/v3/apis/group/version}, if served.
   *
   * @param groupVersionPath {@code api/v1} or {@code apis/group/version}
   */
  Optional<ObjectNode> document(List<ResourceType> served, String groupVersionPath);

  /** {@code /openapi/v2}: one Swagger 2.0 document with the definitions of every served kind. */
  ObjectNode swagger(List<ResourceType> served);
}
