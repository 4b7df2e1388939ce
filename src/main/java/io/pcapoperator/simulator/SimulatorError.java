package io.pcapoperator.simulator;

import io.pcapoperator.cloudflare.ApiError;
import java.time.Duration;
import java.util.List;

/** An error answer of the simulated API: HTTP status, Cloudflare error code and message. */
final class SimulatorError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final int code;
  private final transient Duration retryAfter;
  private final transient List<ApiError> chain;

  SimulatorError(int status, int code, String message) {
    this(status, code, message, null, null);
  }

  SimulatorError(int status, int code, String message, Duration retryAfter) {
    this(status, code, message, retryAfter, null);
  }

  SimulatorError(int status, int code, String message, Duration retryAfter, List<ApiError> chain) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
    this.chain = chain;
  }

  int status() {
    return status;
  }

  int code() {
    return code;
  }

  /** The wait to advertise in {@code retry-after}, or null. */
  Duration retryAfter() {
    return retryAfter;
  }

  /** The {@code error_chain} to send, or null. */
  List<ApiError> chain() {
    return chain;
  }
}
