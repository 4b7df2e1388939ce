package io.pcapoperator.reconcile;

/**
 * The PacketCapture was deleted while its status was being written (the API answered 404): no
 * failure, since there is nothing left to reconcile. The reconciler ends the reconciliation
 * quietly.
 */
final class CaptureGoneException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CaptureGoneException(String message, Throwable cause) {
    super(message, cause);
  }
}
