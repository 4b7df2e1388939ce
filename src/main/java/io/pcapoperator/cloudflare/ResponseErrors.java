package io.pcapoperator.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an error response into the exception that tells the caller what to do: {@link
 * AuthenticationException} for 401, 403 and malformed auth headers (400 code 6003), {@link
 * RetryableApiException} for 408, 409, 429 and 5xx (with {@code retry-after}), {@link
 * TerminalApiException} for any other status.
 */
final class ResponseErrors {
  private static final int INVALID_REQUEST_HEADERS = 6003;

  private final ObjectMapper json;
  private final Clock clock;

  ResponseErrors(ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  /** The exception for a non-2xx answer to {@code operation}. */
  CloudflareApiException map(String operation, int status, HttpHeaders headers, byte[] body) {
    List<ApiError> errors = parseErrors(body);
    boolean forceRetry =
        headers.firstValue("x-should-retry").map("true"::equalsIgnoreCase).orElse(false);
    if (!forceRetry && (status == 401 || status == 403 || isHeaderError(status, errors))) {
      return new AuthenticationException(operation, status, errors);
    }
    if (forceRetry || status == 408 || status == 409 || status == 429 || status >= 500) {
      return new RetryableApiException(
          operation, status, errors, retryAfter(headers).orElse(null), null);
    }
    return new TerminalApiException(operation, status, errors);
  }

  /** What {@code retry-after-ms} or {@code retry-after} (seconds or an HTTP date) asks for. */
  Optional<Duration> retryAfter(HttpHeaders headers) {
    Optional<String> millis = headers.firstValue("retry-after-ms");
    if (millis.isPresent()) {
      try {
        return Optional.of(Duration.ofMillis((long) Double.parseDouble(millis.get().strip())));
      } catch (NumberFormatException ignored) {
        // fall through to retry-after
      }
    }
    Optional<String> value = headers.firstValue("retry-after");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String text = value.get().strip();
    try {
      return Optional.of(Duration.ofMillis((long) (Double.parseDouble(text) * 1000)));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }

  private List<ApiError> parseErrors(byte[] body) {
    List<ApiError> errors = new ArrayList<>();
    if (body == null || body.length == 0) {
      return errors;
    }
    try {
      JsonNode node = json.readTree(body).path("errors");
      if (node.isArray()) {
        for (JsonNode error : node) {
          errors.add(json.treeToValue(error, ApiError.class));
        }
      }
    } catch (IOException notJson) {
      return List.of();
    }
    return errors;
  }

  private static boolean isHeaderError(int status, List<ApiError> errors) {
    return status == 400 && errors.stream().anyMatch(e -> e.code() == INVALID_REQUEST_HEADERS);
  }
}
