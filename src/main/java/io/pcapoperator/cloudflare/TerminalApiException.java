package io.pcapoperator.cloudflare;

import java.util.List;

/**
 * The API refused the request for a reason that retrying will not change: a validation error (400),
 * an unknown capture (404), or another client error.
 */
public final class TerminalApiException extends CloudflareApiException {
  private static final long serialVersionUID = 1L;

  public TerminalApiException(String operation, int httpStatus, List<ApiError> errors) {
    super(operation, httpStatus, errors, null);
  }
}
