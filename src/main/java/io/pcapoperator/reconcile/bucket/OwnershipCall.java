package io.pcapoperator.reconcile.bucket;

import io.pcapoperator.cloudflare.CloudflareApiException;
import io.pcapoperator.cloudflare.RetryableApiException;

/** Which ownership call failed, which decides what its failure means for the bucket. */
enum OwnershipCall {
  /** {@code GET /pcaps/ownership}. */
  LIST,
  /** {@code POST /pcaps/ownership}. */
  CREATE,
  /** {@code POST /pcaps/ownership/validate}. */
  VALIDATE,
  /** {@code DELETE /pcaps/ownership/{id}}, or the list that finds what to delete. */
  DELETE;

  /**
   * Whether a failed create certainly made no record: refused, rejected, held back or answered 429,
   * all before a record is made.
   */
  static boolean madeNothing(CloudflareApiException failedCreate) {
    return !(failedCreate instanceof RetryableApiException) || failedCreate.httpStatus() == 429;
  }
}
