package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.api.v1alpha1.QueueStatus;
import io.pcapoperator.api.v1alpha1.SubmittedRequest;
import io.pcapoperator.cloudflare.CloudflareApiException;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapsApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates the remote capture exactly once, when its account's rules admit it. The intent is written
 * to status (phase Submitting, with the time and the request) before the POST; what the create
 * answered is returned, for the id to be recorded at once.
 */
final class CaptureSubmitter {
  private final PcapsApi api;
  private final OutcomeWriter writer;
  private final FailureOutcomes failures;
  private final Clock clock;
  private final PollSchedule poll;
  private final AccountScheduler scheduler;
  private final QueueWaits queueWaits;

  CaptureSubmitter(
      PcapsApi api,
      OutcomeWriter writer,
      FailureOutcomes failures,
      Clock clock,
      PollSchedule poll,
      AccountScheduler scheduler,
      QueueWaits queueWaits) {
    this.api = api;
    this.writer = writer;
    this.failures = failures;
    this.clock = clock;
    this.poll = poll;
    this.scheduler = scheduler;
    this.queueWaits = queueWaits;
  }

  /** Submits a capture that has never been sent, once its account's rules allow it. */
  Outcome submit(Attempt attempt) {
    Instant started = clock.instant();
    PacketCapture capture = attempt.resource();
    CaptureStore store = attempt.store();
    AccountScheduler.Decision decision =
        scheduler.admit(
            capture,
            store.sameAccount(capture),
            started,
            other -> store.credentials(other) instanceof CredentialsReader.Found,
            () -> api.createHeldFor(attempt.credentials()));
    if (decision instanceof AccountScheduler.Wait wait) {
      return queued(capture, wait, started);
    }
    queueWaits.admitted(
        Timestamps.parse(capture.currentStatus().getRequestedAt())
            .map(at -> Duration.between(at, started))
            .orElse(Duration.ZERO));
    try {
      return send(attempt, started);
    } catch (RuntimeException e) {
      // Whatever broke off the create, it no longer holds the account's next capture back.
      scheduler.settled(capture);
      throw e;
    }
  }

  /** Marks the admitted capture Submitting, makes sure of its finalizer, and creates it. */
  private Outcome send(Attempt attempt, Instant started) {
    PacketCapture marked;
    try {
      marked = writer.write(attempt.store(), attempt.resource(), submitting(attempt, started));
    } catch (StaleCaptureException e) {
      // Another reconciliation recorded an id or a newer attempt: read the capture again.
      scheduler.settled(attempt.resource());
      return Outcome.waitFor(Duration.ZERO);
    }
    PacketCapture finalized = CaptureFinalizer.ensure(marked, attempt.store());
    if (!CaptureFinalizer.mayCallRemote(finalized)) {
      scheduler.settled(finalized);
      return Outcome.done();
    }
    Attempt current = attempt.with(finalized);
    Pcap created;
    try {
      created =
          api.create(
              current.credentials(),
              current.accountId(),
              CaptureRequests.toRequest(finalized.getStatus().getRequest()));
    } catch (CloudflareApiException e) {
      return createFailed(current, e);
    }
    scheduler.answered(finalized, Timestamps.parse(created.submitted()));
    return new Outcome.Learned(
        created,
        Optional.of(
            new Outcome.Note(
                Outcome.Severity.NORMAL, "Submitted", "created capture " + created.id())));
  }

  /**
   * The mark written before the POST: the time, the request and its fingerprint. It is written only
   * over the status this decision was made on: when the stored status has an id, or another
   * attempt's mark, that this reconciliation did not see (its cache was behind), the mark is not
   * written and no create is sent.
   */
  private static Outcome.NotReady submitting(Attempt attempt, Instant started) {
    PacketCaptureStatus seen = attempt.resource().currentStatus();
    return Outcome.notReady(
            CapturePhase.Submitting,
            ConditionReason.Submitting,
            "sending the capture request to Cloudflare",
            Outcome.Severity.NORMAL)
        .editing(
            s -> {
              if (!Objects.equals(s.getId(), seen.getId())
                  || !Objects.equals(s.getSubmissionStarted(), seen.getSubmissionStarted())) {
                throw new StaleCaptureException(attempt.resource());
              }
              SubmittedRequest sent =
                  CaptureRequests.toSubmitted(
                      attempt.resource().getSpec(), s.getRequestedAt(), started);
              s.setSubmissionStarted(Timestamps.formatPrecise(started));
              s.setSubmissionHash(CaptureRequests.fingerprint(CaptureRequests.toRequest(sent)));
              s.setRequest(sent);
              s.setQueue(null);
            });
  }

  /** A create that failed: the account learns what it means for its rules, the capture how. */
  private Outcome createFailed(Attempt attempt, CloudflareApiException e) {
    scheduler.createFailed(attempt.resource(), e, clock.instant());
    return failures.of(attempt, RemoteCall.CREATE, null, e);
  }

  /**
   * Records that the capture waits, when {@link QueueEstimates} says the queue status is due (on
   * queueing, or when the estimate passed), and looks again at its turn or the staleness bound.
   */
  private Outcome queued(PacketCapture capture, AccountScheduler.Wait wait, Instant now) {
    PacketCaptureStatus status = capture.currentStatus();
    boolean waiting =
        status.getPhase() == CapturePhase.Queued
            && ConditionReason.Queued.name()
                .equals(StatusConditions.reason(status.getConditions()));
    Duration untilStart = Duration.between(now, wait.notBefore());
    Duration next = untilStart.compareTo(poll.maxInterval()) > 0 ? poll.maxInterval() : untilStart;
    return QueueEstimates.next(waiting ? status.getQueue() : null, wait, now)
        .<Outcome>map(
            queue ->
                Outcome.notReady(
                        CapturePhase.Queued,
                        ConditionReason.Queued,
                        queueMessage(capture, queue),
                        Outcome.Severity.NORMAL)
                    .editing(s -> s.setQueue(queue))
                    .after(next))
        .orElseGet(() -> Outcome.waitFor(next));
  }

  private static String queueMessage(PacketCapture capture, QueueStatus queue) {
    return (queue.getRevisions() == null ? "queued as number " : "number ")
        + queue.getPosition()
        + " in the queue of account "
        + capture.getSpec().getAccountId()
        + " for "
        + capture.getSpec().getType().name().toLowerCase(Locale.ROOT)
        + " captures"
        + (queue.getRevisions() == null
            ? "; expected to start at "
            : " when the estimated start passed; now expected at ")
        + queue.getNotBefore();
  }
}
