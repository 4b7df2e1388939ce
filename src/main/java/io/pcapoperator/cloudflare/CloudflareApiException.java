package io.pcapoperator.cloudflare;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A failed call to the Cloudflare API. Subclasses tell the caller what to do next: give up ({@link
 * TerminalApiException}), fix the credentials ({@link AuthenticationException}) or try again later
 * ({@link RetryableApiException}). Messages carry the API's error codes and texts, never
 * credentials.
 */
public abstract sealed class CloudflareApiException extends RuntimeException
    permits TerminalApiException, AuthenticationException, RetryableApiException {

  private final int httpStatus;
  private final transient List<ApiError> errors;

  protected CloudflareApiException(
      String operation, int httpStatus, List<ApiError> errors, Throwable cause) {
    super(describe(operation, httpStatus, errors), cause);
    this.httpStatus = httpStatus;
    this.errors = List.copyOf(errors);
  }

  /** The HTTP status, or 0 when no response arrived. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The envelope's errors, possibly empty. */
  public List<ApiError> errors() {
    return errors;
  }

  /** The API's messages joined, or the HTTP status when there are none. */
  public String apiMessage() {
    if (errors.isEmpty()) {
      return httpStatus == 0 ? "no response" : "HTTP " + httpStatus;
    }
    return errors.stream().map(ApiError::message).collect(Collectors.joining("; "));
  }

  private static String describe(String operation, int httpStatus, List<ApiError> errors) {
    String detail =
        errors.stream()
            .map(e -> e.code() + " " + e.message())
            .collect(Collectors.joining("; ", "[", "]"));
    return operation
        + " failed"
        + (httpStatus == 0 ? "" : " with HTTP " + httpStatus)
        + " "
        + detail;
  }
}
