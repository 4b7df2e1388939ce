package io.pcapoperator.reconcile;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.cloudflare.AuthenticationException;
import io.pcapoperator.cloudflare.Credentials;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapStatus;
import io.pcapoperator.cloudflare.PcapsApi;
import io.pcapoperator.cloudflare.RetryableApiException;
import io.pcapoperator.cloudflare.TerminalApiException;
import io.pcapoperator.cloudflare.budget.BudgetHeldException;
import java.util.List;
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
  private final LostSubmissions lost;

  CaptureStopper(
      PcapsApi api,
      StatusUpdates updates,
      FailureBackoff backoff,
      Requeue requeue,
      int stopAttempts,
      LostSubmissions lost) {
    this.api = api;
    this.lost = lost;
    this.updates = updates;
    this.backoff = backoff;
    this.requeue = requeue;
    this.stopAttempts = stopAttempts;
  }

  /**
   * Stops the remote capture if the resource asks for it, then lets the resource go. A full capture
   * deleted while its create's outcome is unknown is looked up in the account's list, so that a
   * capture the operator made but never recorded is stopped too.
   */
  UpdateControl<PacketCapture> cleanup(PacketCapture capture, Context<PacketCapture> context) {
    String uid = capture.getMetadata().getUid();
    boolean recorded = needsStop(capture);
    if (!recorded && !mayHaveLostCapture(capture)) {
      return released(capture, context);
    }
    String id = recorded ? capture.getStatus().getId() : "made by a lost create";
    var credentials = CredentialsReader.read(capture, context);
    if (credentials instanceof CredentialsReader.Missing missing) {
      return giveUp(capture, context, id, missing.message());
    }
    Credentials found = ((CredentialsReader.Found) credentials).credentials();
    try {
      if (!recorded) {
        List<Pcap> candidates = lost.candidates(capture, context, found);
        if (candidates.size() != 1) {
          if (candidates.size() > 1) {
            return giveUp(capture, context, id, candidates.size() + " remote captures match it");
          }
          return released(capture, context);
        }
        id = candidates.get(0).id();
        PcapStatus remote = PcapStatus.fromWire(candidates.get(0).status());
        if (remote != PcapStatus.PENDING && remote != PcapStatus.RUNNING) {
          return released(capture, context);
        }
      }
      api.stop(found, RecordedRequest.accountId(capture), id);
    } catch (TerminalApiException e) {
      LOG.info("capture {} needed no stop: {}", id, e.apiMessage());
      return released(capture, context);
    } catch (AuthenticationException e) {
      return giveUp(capture, context, id, "Cloudflare rejected the credentials: " + e.apiMessage());
    } catch (BudgetHeldException e) {
      return requeue.after(e.held());
    } catch (RetryableApiException e) {
      if (backoff.failures(uid) + 1 >= stopAttempts) {
        return giveUp(capture, context, id, e.apiMessage());
      }
      return requeue.after(backoff.next(uid));
    }
    updates.normalEvent(capture, "Stopped", "stopped capture " + id + " on deletion");
    return released(capture, context);
  }

  /** The clean-up is over: the finalizer goes, and the resource with it. */
  private UpdateControl<PacketCapture> released(
      PacketCapture capture, Context<PacketCapture> context) {
    backoff.reset(capture.getMetadata().getUid());
    CaptureFinalizer.remove(capture, context);
    return requeue.never();
  }

  /** A full capture to stop on deletion whose create may have made a capture never recorded. */
  private static boolean mayHaveLostCapture(PacketCapture capture) {
    return CaptureFinalizer.stopsOnDelete(capture) && capture.createOutcomeUnknown();
  }

  private static boolean needsStop(PacketCapture capture) {
    if (!CaptureFinalizer.stopsOnDelete(capture) || capture.remoteId() == null) {
      return false;
    }
    PcapStatus remote = PcapStatus.fromWire(capture.currentStatus().getRemoteStatus());
    return remote == PcapStatus.PENDING || remote == PcapStatus.RUNNING;
  }

  private UpdateControl<PacketCapture> giveUp(
      PacketCapture capture, Context<PacketCapture> context, String id, String why) {
    updates.warningEvent(
        capture,
        "StopFailed",
        "could not stop capture " + id + " (" + why + "); it runs until its limits");
    return released(capture, context);
  }
}
