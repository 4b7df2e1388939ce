package io.pcapoperator.cloudflare;

import java.util.List;

/**
 * The API rejected the credentials (401, or 403 such as code 10000), or a header was malformed (400
 * code 6003). Retrying helps only once the credentials change.
 */
public final class AuthenticationException extends CloudflareApiException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String operation, int httpStatus, List<ApiError> errors) {
    super(operation, httpStatus, errors, null);
  }
}
