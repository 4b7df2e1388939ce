package io.pcapoperator.reconcile;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import java.util.function.Consumer;

/**
 * Writes a PacketCapture's status at once, with optimistic locking, re-applying the change to a
 * fresh copy on a conflict, and caches the result so that the next reconciliation sees it. Used
 * instead of JOSDK's end-of-reconcile patch wherever losing the write would lose a remote id. A
 * resource deleted meanwhile is reported as a {@link CaptureGoneException}.
 */
public final class StatusWriter {
  private final PhaseCensus census;

  /** A writer that tells {@code census} every phase it stores. */
  public StatusWriter(PhaseCensus census) {
    this.census = census;
  }

  /**
   * Applies {@code change} to the resource's status and stores it; returns the stored resource.
   *
   * @throws CaptureGoneException when the resource no longer exists
   */
  public PacketCapture write(
      PacketCapture resource,
      Context<PacketCapture> context,
      Consumer<PacketCaptureStatus> change) {
    PacketCapture stored =
        StatusUpdates.write(
            resource, context, PacketCaptureStatus::new, change, CaptureGoneException::new);
    census.record(stored.getMetadata().getUid(), stored.getStatus().getPhase());
    return stored;
  }
}
