package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.api.ResourceType;

/** What particular kinds do on top of the common object lifecycle. */
public interface ObjectHooks {
  /** Completes an admitted object of {@code type} before it is stored. */
  ObjectNode beforeStore(ResourceType type, ObjectNode object);

  /**
   * Reacts to a stored change.
   *
   * @param before the object before, {@code null} on a create
   * @param after the object now, {@code null} when it was removed
   */
  void afterWrite(ResourceType type, ObjectNode before, ObjectNode after);
}
