package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.api.ResourceType;
import java.util.List;

/** Checks and completes an object before it is stored: defaults, pruning, schema rules. */
public interface Admission {
  /**
   * The object to store, or an {@link ApiException} saying why it may not be.
   *
   * @param type the object's kind
   * @param object the object as written (a copy the method may change)
   * @param old the stored object on an update, {@code null} on a create
   * @param fieldValidation the request's {@code fieldValidation} parameter ({@code Strict}, {@code
   *     Warn}, {@code Ignore}), or {@code null}
   * @param warnings collects warnings for the response's {@code Warning} headers
   */
  ObjectNode admit(
      ResourceType type,
      ObjectNode object,
      ObjectNode old,
      String fieldValidation,
      List<String> warnings);
}
