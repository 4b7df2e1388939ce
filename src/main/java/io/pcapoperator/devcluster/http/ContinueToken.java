package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;

/**
 * The {@code continue} token of a paged list, shaped as kube-apiserver's (base64 of {@code
 * {"v":"meta.k8s.io/v1","rv":N,"start":KEY}}); a token this server could not have issued is a 400
 * with kube's message.
 */
final class ContinueToken {
  private static final String VERSION = "meta.k8s.io/v1";

  private ContinueToken() {}

  /** A token that resumes a list at version {@code resourceVersion} after {@code lastKey}. */
  static String encode(long resourceVersion, String lastKey) {
    ObjectNode token = Json.MAPPER.createObjectNode();
    token.put("v", VERSION).put("rv", resourceVersion).put("start", lastKey);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(token));
  }

  /** The key after which the list resumes; 400 when {@code token} is not one of ours. */
  static String startAfter(String token) {
    JsonNode decoded;
    try {
      decoded = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(token));
    } catch (IllegalArgumentException | IOException e) {
      throw invalid(String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
    if (decoded == null || !VERSION.equals(decoded.path("v").asText())) {
      throw invalid(
          "server does not recognize this encoded version \""
              + (decoded == null ? "" : decoded.path("v").asText())
              + "\"");
    }
    if (decoded.path("rv").asLong(0) <= 0) {
      throw invalid("incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
    }
    String start = decoded.path("start").asText("");
    if (start.isEmpty()) {
      throw invalid("encoded start key empty (version meta.k8s.io/v1)");
    }
    return start;
  }

  private static ApiException invalid(String why) {
    return Statuses.badRequest("invalid continue token: continue key is not valid: " + why);
  }
}
