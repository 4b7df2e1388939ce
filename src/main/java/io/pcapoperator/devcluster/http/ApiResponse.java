package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A complete answer of the embedded API.
 *
 * @param code HTTP status code
 * @param body JSON body
 * @param warnings texts for {@code Warning} headers
 */
public record ApiResponse(int code, JsonNode body, List<String> warnings) {
  /** A 200 answer. */
  public static ApiResponse ok(JsonNode body) {
    return new ApiResponse(200, body, List.of());
  }
}
