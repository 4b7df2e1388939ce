package io.pcapoperator.reconcile;

import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.cloudflare.AuthenticationException;
import io.pcapoperator.cloudflare.CloudflareApiException;
import io.pcapoperator.cloudflare.RetryableApiException;
import io.pcapoperator.cloudflare.budget.BudgetHeldException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What a failed remote call that may pass does to a capture: rejected credentials are tried again
 * after a backoff from seconds to the credentials retry (or at once when the Secret changes);
 * transient failures back off exponentially, never sooner than the server's {@code retry-after}.
 * The phase is kept; only the Ready condition tells the failure.
 */
final class RemoteFailures {
  private final StatusUpdates updates;
  private final FailureBackoff backoff;
  private final CredentialsBackoff rejections;
  private final Requeue requeue;

  RemoteFailures(
      StatusUpdates updates,
      FailureBackoff backoff,
      CredentialsBackoff rejections,
      Requeue requeue) {
    this.updates = updates;
    this.backoff = backoff;
    this.rejections = rejections;
    this.requeue = requeue;
  }

  /** Records {@code failure} on the resource, keeping {@code phase}, and schedules the retry. */
  UpdateControl<PacketCapture> handle(
      Attempt attempt, CloudflareApiException failure, CapturePhase phase) {
    return handle(attempt, failure, phase, s -> {});
  }

  /**
   * As {@link #handle}, for a create that Cloudflare refused before making a capture: the
   * submission mark is cleared in the same status write, so the next attempt creates anew.
   */
  UpdateControl<PacketCapture> handleNotSubmitted(
      Attempt attempt, CloudflareApiException failure, CapturePhase phase) {
    return handle(attempt, failure, phase, RemoteFailures::forgetSubmission);
  }

  /** Clears the submission mark of a create that made no capture. */
  static void forgetSubmission(PacketCaptureStatus status) {
    status.setSubmissionStarted(null);
    status.setSubmissionHash(null);
  }

  private UpdateControl<PacketCapture> handle(
      Attempt attempt,
      CloudflareApiException failure,
      CapturePhase phase,
      Consumer<PacketCaptureStatus> more) {
    if (failure instanceof BudgetHeldException held) {
      return held(attempt, held, phase, more);
    }
    if (failure instanceof AuthenticationException) {
      updates.notReady(
          attempt.resource(),
          attempt.context(),
          phase,
          ConditionReason.AuthenticationFailed,
          "Cloudflare rejected the credentials: " + failure.apiMessage(),
          true,
          more);
      return requeue.after(rejections.next(attempt.uid(), attempt.credentials()));
    }
    Duration wait = backoff.next(attempt.uid());
    if (failure instanceof RetryableApiException retryable
        && retryable.retryAfter().isPresent()
        && retryable.retryAfter().get().compareTo(wait) > 0) {
      wait = retryable.retryAfter().get();
    }
    boolean queued = phase == CapturePhase.Queued;
    updates.notReady(
        attempt.resource(),
        attempt.context(),
        phase,
        queued ? ConditionReason.Queued : ConditionReason.RemoteUnavailable,
        (queued
                ? "Cloudflare asked to wait before another capture on this account ("
                : "Cloudflare is unavailable (")
            + failure.apiMessage()
            + "); retrying in "
            + Math.max(1, wait.toSeconds())
            + " s",
        !queued,
        more);
    return requeue.after(wait);
  }

  /**
   * A call held back by the request budget: the capture is reconciled again when the budget allows,
   * with no backoff and no warning. Only a create held after its submission mark was written needs
   * a status write, to clear the mark and say why the capture waits.
   */
  private UpdateControl<PacketCapture> held(
      Attempt attempt,
      BudgetHeldException held,
      CapturePhase phase,
      Consumer<PacketCaptureStatus> more) {
    if (phase == CapturePhase.Queued) {
      updates.notReady(
          attempt.resource(),
          attempt.context(),
          phase,
          ConditionReason.Queued,
          "waiting for this credential's request budget; next attempt in "
              + Math.max(1, held.held().toSeconds())
              + " s",
          false,
          more);
    }
    return requeue.after(held.held());
  }

  /** Forgets earlier failures once a call succeeds. */
  void succeeded(Attempt attempt) {
    backoff.reset(attempt.uid());
    rejections.reset(attempt.uid());
  }
}
