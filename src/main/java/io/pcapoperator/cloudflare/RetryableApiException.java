package io.pcapoperator.cloudflare;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A failure that may pass: 408, 409, 429, a 5xx, a timeout or a broken connection. Carries the
 * server's {@code retry-after} when it sent one.
 */
public non-sealed class RetryableApiException extends CloudflareApiException {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  public RetryableApiException(
      String operation,
      int httpStatus,
      List<ApiError> errors,
      Duration retryAfter,
      Throwable cause) {
    super(operation, httpStatus, errors, cause);
    this.retryAfter = retryAfter;
  }

  /** How long the server asked the client to wait, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether the server said the request rate was exceeded. */
  public boolean isRateLimited() {
    return httpStatus() == 429;
  }
}
