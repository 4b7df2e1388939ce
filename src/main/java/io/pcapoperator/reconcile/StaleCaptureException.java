package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.PacketCapture;

/**
 * The stored status of a capture moved on from the one a decision was made on (the controller's
 * cache was behind): a write that must only follow that decision, such as the mark before a create,
 * is not made.
 */
final class StaleCaptureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StaleCaptureException(PacketCapture capture) {
    super(
        "PacketCapture "
            + capture.getMetadata().getNamespace()
            + "/"
            + capture.getMetadata().getName()
            + " changed since it was read",
        null,
        false,
        false);
  }
}
