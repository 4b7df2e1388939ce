package io.pcapoperator.reconcile.bucket;

/** The PcapBucket was deleted while its status was being written: there is nothing to record. */
final class BucketGoneException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BucketGoneException(String message, Throwable cause) {
    super(message, cause);
  }
}
