package io.pcapoperator.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.DeletionPolicy;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.cloudflare.AuthenticationException;
import io.pcapoperator.cloudflare.PcapStatus;
import io.pcapoperator.cloudflare.PcapsApi;
import io.pcapoperator.cloudflare.RetryableApiException;
import io.pcapoperator.cloudflare.TerminalApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On deletion, stops a pending or running full capture unless the policy is Orphan. A stop that
 * keeps failing transiently is retried a few times; a deletion is never blocked forever: when the
 * stop cannot be made, a Warning event says so and the capture runs to its own limits.
 */
final class CaptureStopper {
  private static final Logger LOG = LoggerFactory.getLogger(CaptureStopper.class);

  private final PcapsApi api;
  private final StatusUpdates updates;
  private final FailureBackoff backoff;
  private final Requeue requeue;
  private final int stopAttempts;

  CaptureStopper(
      PcapsApi api,
      StatusUpdates updates,
      FailureBackoff backoff,
      Requeue requeue,
      int stopAttempts) {
    this.api = api;
    this.updates = updates;
    this.backoff = backoff;
    this.requeue = requeue;
    this.stopAttempts = stopAttempts;
  }

  /** Stops the remote capture if the resource asks for it, then lets the resource go. */
  DeleteControl cleanup(PacketCapture capture, Context<PacketCapture> context) {
    String uid = capture.getMetadata().getUid();
    if (!needsStop(capture)) {
      backoff.reset(uid);
      return DeleteControl.defaultDelete();
    }
    String id = capture.getStatus().getId();
    var credentials =
        CredentialsReader.read(
            capture.getSpec().getCredentialsSecretRef().getName(),
            context.getSecondaryResource(Secret.class));
    if (credentials instanceof CredentialsReader.Missing missing) {
      return giveUp(capture, id, missing.message());
    }
    try {
      api.stop(
          ((CredentialsReader.Found) credentials).credentials(),
          capture.getSpec().getAccountId(),
          id);
    } catch (TerminalApiException e) {
      LOG.info("capture {} needed no stop: {}", id, e.apiMessage());
      backoff.reset(uid);
      return DeleteControl.defaultDelete();
    } catch (AuthenticationException e) {
      return giveUp(capture, id, "Cloudflare rejected the credentials: " + e.apiMessage());
    } catch (RetryableApiException e) {
      if (backoff.failures(uid) + 1 >= stopAttempts) {
        return giveUp(capture, id, e.apiMessage());
      }
      return requeue.cleanupAfter(backoff.next(uid));
    }
    backoff.reset(uid);
    updates.normalEvent(capture, "Stopped", "stopped capture " + id + " on deletion");
    return DeleteControl.defaultDelete();
  }

  private static boolean needsStop(PacketCapture capture) {
    PacketCaptureStatus status = capture.getStatus();
    if (capture.getSpec() == null
        || capture.getSpec().getType() != CaptureType.FULL
        || capture.getSpec().getDeletionPolicy() == DeletionPolicy.Orphan
        || status == null
        || status.getId() == null) {
      return false;
    }
    PcapStatus remote = PcapStatus.fromWire(status.getRemoteStatus());
    return remote == PcapStatus.PENDING || remote == PcapStatus.RUNNING;
  }

  private DeleteControl giveUp(PacketCapture capture, String id, String why) {
    backoff.reset(capture.getMetadata().getUid());
    updates.warningEvent(
        capture,
        "StopFailed",
        "could not stop capture " + id + " (" + why + "); it runs until its limits");
    return DeleteControl.defaultDelete();
  }
}
