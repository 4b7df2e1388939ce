package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.cloudflare.AuthenticationException;
import io.pcapoperator.cloudflare.CloudflareApiException;
import io.pcapoperator.cloudflare.RetryableApiException;
import io.pcapoperator.cloudflare.TerminalApiException;
import io.pcapoperator.cloudflare.budget.BudgetHeldException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one mapping from a failed remote call to an outcome. A call the request budget held back is
 * no failure: it waits, with no backoff and no warning. Rejected credentials are tried again after
 * a backoff from seconds (at once when the Secret changes); transient failures back off
 * exponentially, never sooner than the server's {@code retry-after}; a refusal is final. A create
 * that made nothing also clears its submission mark, so that the next attempt creates anew. Reads
 * keep the phase; only the Ready condition tells the failure.
 */
final class FailureOutcomes {
  private static final Logger LOG = LoggerFactory.getLogger(FailureOutcomes.class);

  private final FailureBackoff backoff;
  private final CredentialsBackoff rejections;
  private final int stopAttempts;

  FailureOutcomes(FailureBackoff backoff, CredentialsBackoff rejections, int stopAttempts) {
    this.backoff = backoff;
    this.rejections = rejections;
    this.stopAttempts = stopAttempts;
  }

  /**
   * What {@code failure} of {@code call} means for the attempt's capture; {@code id} names the
   * remote capture read or stopped.
   */
  Outcome of(Attempt attempt, RemoteCall call, String id, CloudflareApiException failure) {
    // A create that may have made a capture is settled like one whose answer was lost.
    RemoteCall meaning =
        call == RemoteCall.CREATE && !RemoteCall.madeNothing(failure) ? RemoteCall.SETTLE : call;
    if (failure instanceof BudgetHeldException held) {
      return budgetHeld(meaning, held);
    }
    if (failure instanceof AuthenticationException) {
      return credentialsRejected(attempt, meaning, id, failure);
    }
    if (failure instanceof TerminalApiException refused) {
      return refused(attempt, meaning, id, refused);
    }
    return unavailable(attempt, meaning, id, (RetryableApiException) failure);
  }

  /** A deletion that lets the capture run: the Warning says why it could not be stopped. */
  static Outcome.Released stopFailed(String id, String why) {
    return new Outcome.Released(
        Optional.of(
            new Outcome.Note(
                Outcome.Severity.WARNING,
                "StopFailed",
                "could not stop capture " + id + " (" + why + "); it runs until its limits")));
  }

  /** Forgets earlier failures of the resource {@code uid} once a call succeeds or it is gone. */
  void succeeded(String uid) {
    backoff.reset(uid);
    rejections.reset(uid);
  }

  private static Outcome budgetHeld(RemoteCall call, BudgetHeldException held) {
    if (call != RemoteCall.CREATE) {
      return Outcome.waitFor(held.held());
    }
    return Outcome.notReady(
            CapturePhase.Queued,
            ConditionReason.Queued,
            "waiting for this credential's request budget; next attempt in "
                + Math.max(1, held.held().toSeconds())
                + " s",
            Outcome.Severity.NORMAL)
        .editing(FailureOutcomes::forgetSubmission)
        .after(held.held());
  }

  private Outcome credentialsRejected(
      Attempt attempt, RemoteCall call, String id, CloudflareApiException failure) {
    String message = "Cloudflare rejected the credentials: " + failure.apiMessage();
    if (call == RemoteCall.STOP) {
      return stopFailed(id, message);
    }
    Duration wait = rejections.next(attempt.uid(), attempt.credentials());
    return kept(attempt, call, ConditionReason.AuthenticationFailed, message, true).after(wait);
  }

  private static Outcome refused(
      Attempt attempt, RemoteCall call, String id, TerminalApiException failure) {
    return switch (call) {
      case STOP -> {
        LOG.info("capture {} needed no stop: {}", id, failure.apiMessage());
        yield new Outcome.Released(Optional.empty());
      }
      case READ ->
          Outcome.notReady(
              CapturePhase.Failed,
              ConditionReason.Failed,
              failure.httpStatus() == 404
                  ? "capture " + id + " no longer exists at Cloudflare"
                  : "reading capture " + id + " was refused: " + failure.apiMessage(),
              Outcome.Severity.WARNING);
      case ADOPT ->
          Outcome.notReady(
              CapturePhase.Failed,
              failure.httpStatus() == 404
                  ? ConditionReason.CaptureNotFound
                  : ConditionReason.RemoteRejected,
              failure.httpStatus() == 404
                  ? "spec.captureId: no capture " + id + " in account " + attempt.accountId()
                  : "reading capture " + id + " to adopt it was refused: " + failure.apiMessage(),
              Outcome.Severity.WARNING);
      case CREATE, SETTLE ->
          Outcome.notReady(
                  CapturePhase.Failed,
                  ConditionReason.RemoteRejected,
                  "Cloudflare rejected the capture request: " + failure.apiMessage(),
                  Outcome.Severity.WARNING)
              .editing(FailureOutcomes::forgetSubmission);
    };
  }

  private Outcome unavailable(
      Attempt attempt, RemoteCall call, String id, RetryableApiException failure) {
    if (call == RemoteCall.STOP) {
      return backoff.failures(attempt.uid()) + 1 >= stopAttempts
          ? stopFailed(id, failure.apiMessage())
          : Outcome.waitFor(backoff.next(attempt.uid()));
    }
    Duration wait = backoff.next(attempt.uid());
    if (failure.retryAfter().isPresent() && failure.retryAfter().get().compareTo(wait) > 0) {
      wait = failure.retryAfter().get();
    }
    String retrying =
        failure.apiMessage() + "); retrying in " + Math.max(1, wait.toSeconds()) + " s";
    if (call == RemoteCall.CREATE) {
      return kept(
              attempt,
              call,
              ConditionReason.Queued,
              "Cloudflare asked to wait before another capture on this account (" + retrying,
              false)
          .after(wait);
    }
    return kept(
            attempt,
            call,
            ConditionReason.RemoteUnavailable,
            "Cloudflare is unavailable (" + retrying,
            true)
        .after(wait);
  }

  /**
   * A failure that leaves the capture where it was: a create that made nothing goes back to wait
   * (Pending after rejected credentials, else Queued) with its mark cleared; a create of unknown
   * outcome stays Submitting; a read keeps the phase.
   */
  private static Outcome.NotReady kept(
      Attempt attempt, RemoteCall call, ConditionReason reason, String message, boolean warn) {
    Outcome.Severity severity = warn ? Outcome.Severity.WARNING : Outcome.Severity.NORMAL;
    return switch (call) {
      case CREATE ->
          Outcome.notReady(
                  reason == ConditionReason.AuthenticationFailed
                      ? CapturePhase.Pending
                      : CapturePhase.Queued,
                  reason,
                  message,
                  severity)
              .editing(FailureOutcomes::forgetSubmission);
      case SETTLE -> Outcome.notReady(CapturePhase.Submitting, reason, message, severity);
      case ADOPT -> Outcome.notReady(CapturePhase.Pending, reason, message, severity);
      case READ, STOP -> Outcome.notReady(readPhase(attempt), reason, message, severity);
    };
  }

  private static CapturePhase readPhase(Attempt attempt) {
    CapturePhase phase = attempt.resource().phase();
    return phase == null ? CapturePhase.Running : phase;
  }

  /** Clears the submission mark of a create that made no capture. */
  private static void forgetSubmission(PacketCaptureStatus status) {
    status.setSubmissionStarted(null);
    status.setSubmissionHash(null);
  }
}
