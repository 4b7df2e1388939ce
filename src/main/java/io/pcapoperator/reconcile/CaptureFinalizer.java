package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.DeletionPolicy;
import io.pcapoperator.api.v1alpha1.OutputDeletionPolicy;
import io.pcapoperator.api.v1alpha1.PacketCapture;

/**
 * The finalizer that holds a deleted PacketCapture until its full capture is stopped at Cloudflare,
 * or its stored file deleted. Only a full capture whose deletion policy stops it, or a capture
 * whose output's policy deletes its file, carries one (a simple capture ends on its own, an
 * orphaned one is left running), and it is added just before the first remote call that can make or
 * adopt a capture, so that a capture still queued costs no write for it.
 */
final class CaptureFinalizer {
  /** The finalizer's name, unchanged since the first release so that upgrades keep it. */
  static final String NAME = "packetcaptures.pcap-operator.io/finalizer";

  private CaptureFinalizer() {}

  /**
   * Adds the finalizer where the capture needs one; returns the resource as stored. A resource
   * being deleted gets none: check {@link #mayCallRemote} before a remote call.
   */
  static PacketCapture ensure(PacketCapture capture, CaptureStore store) {
    return stopsOnDelete(capture) || deletesStoredFile(capture)
        ? store.addFinalizer(capture, NAME)
        : capture;
  }

  /** Whether a deletion must delete the capture's stored file first (output policy Delete). */
  static boolean deletesStoredFile(PacketCapture capture) {
    return capture.getSpec() != null
        && capture.getSpec().getOutput() != null
        && capture.getSpec().getOutput().getDeletionPolicy() == OutputDeletionPolicy.Delete;
  }

  /**
   * Whether a remote call that can make a capture may go ahead: the resource is not being deleted,
   * and a capture that needs the finalizer has it.
   */
  static boolean mayCallRemote(PacketCapture capture) {
    return !capture.isMarkedForDeletion()
        && (!stopsOnDelete(capture) || capture.hasFinalizer(NAME));
  }

  /** Lets a deleted resource go once its clean-up is done. */
  static void remove(PacketCapture capture, CaptureStore store) {
    store.removeFinalizer(capture, NAME);
  }

  /** Whether a deletion must stop the capture: a full capture, as sent, not orphaned. */
  static boolean stopsOnDelete(PacketCapture capture) {
    return RecordedRequest.type(capture) == CaptureType.FULL
        && deletionPolicy(capture) == DeletionPolicy.Stop;
  }

  /**
   * The deletion policy in force: the spec's, else Stop for a capture the operator made and Orphan
   * for one adopted by id.
   */
  static DeletionPolicy deletionPolicy(PacketCapture capture) {
    if (capture.getSpec() == null) {
      return DeletionPolicy.Stop;
    }
    if (capture.getSpec().getDeletionPolicy() != null) {
      return capture.getSpec().getDeletionPolicy();
    }
    return capture.getSpec().getCaptureId() != null ? DeletionPolicy.Orphan : DeletionPolicy.Stop;
  }
}
