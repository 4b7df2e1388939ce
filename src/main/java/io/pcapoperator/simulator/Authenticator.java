package io.pcapoperator.simulator;

import com.sun.net.httpserver.Headers;
import io.pcapoperator.cloudflare.ApiError;
import java.util.List;

/**
 * Checks a request's credentials as Cloudflare does: {@code Authorization: Bearer <token>}, or
 * {@code X-Auth-Email} with {@code X-Auth-Key}. Unknown credentials get 403 code 10000; malformed
 * or missing headers get 400 code 6003 with an error chain.
 */
final class Authenticator {
  private static final int AUTHENTICATION_ERROR = 10000;
  private static final int INVALID_HEADERS = 6003;

  private final SimulatorConfig config;

  Authenticator(SimulatorConfig config) {
    this.config = config;
  }

  /** A key naming the request's credential (for its budget); throws when it is not accepted. */
  String authenticate(Headers headers) {
    String authorization = headers.getFirst("Authorization");
    if (authorization != null) {
      if (!authorization.startsWith("Bearer ") || authorization.length() == "Bearer ".length()) {
        throw invalidHeaders(6111, "Invalid format for Authorization header");
      }
      String token = authorization.substring("Bearer ".length()).strip();
      if (!config.apiTokens().contains(token)) {
        throw new SimulatorError(403, AUTHENTICATION_ERROR, "Authentication error");
      }
      return "token:" + token.hashCode();
    }
    String email = headers.getFirst("X-Auth-Email");
    String key = headers.getFirst("X-Auth-Key");
    if (email == null && key == null) {
      throw invalidHeaders(6111, "Invalid format for Authorization header");
    }
    if (email == null || key == null || key.isBlank()) {
      throw invalidHeaders(6103, "Invalid format for X-Auth-Key header");
    }
    if (!key.equals(config.apiKeys().get(email))) {
      throw new SimulatorError(403, AUTHENTICATION_ERROR, "Authentication error");
    }
    return "key:" + email;
  }

  private static SimulatorError invalidHeaders(int chainCode, String chainMessage) {
    return new SimulatorError(
        400,
        INVALID_HEADERS,
        "Invalid request headers",
        null,
        List.of(new ApiError(chainCode, chainMessage)));
  }
}
