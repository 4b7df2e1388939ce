package io.pcapoperator.reconcile;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
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
    PacketCapture stored;
    try {
      stored =
          PrimaryUpdateAndCacheUtils.updateAndCacheResource(
              resource,
              context,
              fresh -> {
                if (fresh.getStatus() == null) {
                  fresh.setStatus(new PacketCaptureStatus());
                }
                change.accept(fresh.getStatus());
                return fresh;
              },
              r -> context.getClient().resource(r).updateStatus());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        throw new CaptureGoneException(
            "PacketCapture "
                + resource.getMetadata().getNamespace()
                + "/"
                + resource.getMetadata().getName()
                + " was deleted before its status could be written",
            e);
      }
      throw e;
    }
    census.record(stored.getMetadata().getUid(), stored.getStatus().getPhase());
    return stored;
  }
}
