package io.pcapoperator.reconcile;

import io.pcapoperator.cloudflare.CloudflareApiException;
import io.pcapoperator.cloudflare.RetryableApiException;

/** Which remote call failed, which decides what its failure means for the capture. */
enum RemoteCall {
  /** {@code POST /pcaps}. */
  CREATE,
  /** The reads that settle a create of unknown outcome (the list, or the pinned capture). */
  SETTLE,
  /** {@code GET /pcaps/{id}} of a submitted capture. */
  READ,
  /** {@code GET /pcaps/{id}} of a capture adopted by {@code spec.captureId}, before it is held. */
  ADOPT,
  /** {@code PUT /pcaps/{id}/stop} on deletion, or the list that finds what to stop. */
  STOP;

  /**
   * Whether a failed create certainly made no capture: refused, rejected, or answered 429 or 409
   * (the account's rules or the request budget), all before a capture is made.
   */
  static boolean madeNothing(CloudflareApiException failedCreate) {
    return !(failedCreate instanceof RetryableApiException)
        || failedCreate.httpStatus() == 429
        || failedCreate.httpStatus() == 409;
  }
}
