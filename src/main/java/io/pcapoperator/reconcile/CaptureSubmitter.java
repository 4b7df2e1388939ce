package io.pcapoperator.reconcile;

import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureSpec;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.api.v1alpha1.SubmittedRequest;
import io.pcapoperator.cloudflare.AuthenticationException;
import io.pcapoperator.cloudflare.CloudflareApiException;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapRequest;
import io.pcapoperator.cloudflare.PcapsApi;
import io.pcapoperator.cloudflare.RetryableApiException;
import io.pcapoperator.cloudflare.TerminalApiException;
import io.pcapoperator.cloudflare.budget.BudgetHeldException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the remote capture exactly once. The intent is written to status (phase Submitting, with
 * the time) before the POST and the id right after it; a create whose answer was lost, or an
 * operator that died in between, is settled by adopting the matching capture from the account's
 * list instead of creating a second one.
 */
final class CaptureSubmitter {
  /** Annotation a user sets to the right remote id when several captures match a lost create. */
  static final String ADOPT_ANNOTATION = "pcap-operator.io/adopt-id";

  private static final Logger LOG = LoggerFactory.getLogger(CaptureSubmitter.class);

  /** How far back Cloudflare lets a simple capture look, less a margin for the request's trip. */
  private static final Duration OFFSET_TIME_REACH = Duration.ofHours(24).minusMinutes(10);

  private final PcapsApi api;
  private final StatusUpdates updates;
  private final RemoteFailures failures;
  private final CaptureSync sync;
  private final Requeue requeue;
  private final Clock clock;
  private final ReconcilerSettings settings;
  private final AccountScheduler scheduler;
  private final QueueWaits queueWaits;
  private final LostSubmissions lost;

  CaptureSubmitter(
      PcapsApi api,
      StatusUpdates updates,
      RemoteFailures failures,
      CaptureSync sync,
      Requeue requeue,
      Clock clock,
      ReconcilerSettings settings,
      AccountScheduler scheduler,
      QueueWaits queueWaits) {
    this.api = api;
    this.lost = new LostSubmissions(api, clock);
    this.scheduler = scheduler;
    this.queueWaits = queueWaits;
    this.updates = updates;
    this.failures = failures;
    this.sync = sync;
    this.requeue = requeue;
    this.clock = clock;
    this.settings = settings;
  }

  /** Submits a capture that has never been sent, once its account's rules allow it. */
  UpdateControl<PacketCapture> submit(Attempt attempt) {
    Instant started = clock.instant();
    PacketCapture capture = attempt.resource();
    AccountScheduler.Decision decision =
        scheduler.admit(
            capture,
            CaptureIndexes.sameAccount(attempt.context(), capture),
            started,
            other ->
                CredentialsReader.read(other, attempt.context()) instanceof CredentialsReader.Found,
            () -> api.createHeldFor(attempt.credentials()));
    if (decision instanceof AccountScheduler.Wait wait) {
      return queued(attempt, wait, started);
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
  private UpdateControl<PacketCapture> send(Attempt attempt, Instant started) {
    PacketCapture marked =
        updates.notReady(
            attempt.resource(),
            attempt.context(),
            CapturePhase.Submitting,
            ConditionReason.Submitting,
            "sending the capture request to Cloudflare",
            false,
            s -> {
              SubmittedRequest sent =
                  submitted(attempt.resource().getSpec(), s.getRequestedAt(), started);
              s.setSubmissionStarted(Timestamps.formatPrecise(started));
              s.setSubmissionHash(CaptureRequests.fingerprint(CaptureRequests.toRequest(sent)));
              s.setRequest(sent);
              s.setQueue(null);
            });
    PacketCapture held = CaptureFinalizer.ensure(marked, attempt.context());
    if (!CaptureFinalizer.mayCallRemote(held)) {
      scheduler.settled(held);
      return requeue.never();
    }
    Attempt current = attempt.with(held);
    PcapRequest request = CaptureRequests.toRequest(held.getStatus().getRequest());
    Pcap created;
    try {
      created = api.create(current.credentials(), current.accountId(), request);
    } catch (CloudflareApiException e) {
      return createFailed(current, e);
    }
    return record(current, created, "Submitted", "created capture " + created.id());
  }

  /**
   * Settles a create whose outcome is unknown (phase Submitting with no id): adopts the matching
   * remote capture, submits again once the grace period shows there is none, or asks the user to
   * choose when several match.
   */
  UpdateControl<PacketCapture> resume(Attempt unheld) {
    PacketCapture held = CaptureFinalizer.ensure(unheld.resource(), unheld.context());
    if (!CaptureFinalizer.mayCallRemote(held)) {
      return requeue.never();
    }
    Attempt attempt = unheld.with(held);
    String pinned =
        attempt.resource().getMetadata().getAnnotations() == null
            ? null
            : attempt.resource().getMetadata().getAnnotations().get(ADOPT_ANNOTATION);
    try {
      if (pinned != null && !pinned.isBlank()) {
        Pcap chosen = api.get(attempt.credentials(), attempt.accountId(), pinned.strip());
        return record(attempt, chosen, "Adopted", "adopted capture " + chosen.id() + " as pinned");
      }
      if (!sameRequestAsSent(attempt.resource())) {
        return changedSinceSent(attempt);
      }
      List<Pcap> candidates =
          lost.candidates(attempt.resource(), attempt.context(), attempt.credentials());
      if (candidates.size() == 1) {
        Pcap adopted = candidates.get(0);
        return record(
            attempt,
            adopted,
            "Adopted",
            "adopted capture " + adopted.id() + " after a lost create");
      }
      if (candidates.size() > 1) {
        return ambiguous(attempt, candidates);
      }
    } catch (TerminalApiException e) {
      return rejected(attempt, e);
    } catch (AuthenticationException | RetryableApiException e) {
      return failures.handle(attempt, e, CapturePhase.Submitting);
    }
    Instant started = lost.attemptStarted(attempt.resource());
    Duration sinceStart = Duration.between(started, clock.instant());
    if (sinceStart.compareTo(settings.submissionGrace()) < 0) {
      return requeue.after(settings.submissionGrace().minus(sinceStart));
    }
    return submit(attempt);
  }

  /**
   * Whether the request that adoption would match is the one whose answer was lost: always, when
   * the request itself was recorded; else by the fingerprint recorded before it was sent (a status
   * written before fingerprints were recorded has none, and the spec is then taken as sent).
   */
  private boolean sameRequestAsSent(PacketCapture capture) {
    String sent = capture.getStatus().getSubmissionHash();
    return RecordedRequest.recorded(capture).isPresent()
        || sent == null
        || sent.equals(
            CaptureRequests.fingerprint(
                CaptureRequests.toRequest(
                    submitted(
                        capture.getSpec(),
                        capture.getStatus().getRequestedAt(),
                        lost.attemptStarted(capture)))));
  }

  private UpdateControl<PacketCapture> changedSinceSent(Attempt attempt) {
    updates.notReady(
        attempt.resource(),
        attempt.context(),
        CapturePhase.Submitting,
        ConditionReason.AmbiguousSubmission,
        "the spec no longer makes the request whose answer was lost (fingerprint "
            + attempt.resource().getStatus().getSubmissionHash()
            + "); no capture is adopted by its fields: set the annotation "
            + ADOPT_ANNOTATION
            + " to the capture that was made",
        true);
    return requeue.after(settings.credentialsRetry());
  }

  /** The create request; the pinned look-back time is used while Cloudflare still accepts it. */
  private static SubmittedRequest submitted(
      PacketCaptureSpec spec, String requestedAt, Instant now) {
    Optional<Instant> pinned =
        Timestamps.parse(requestedAt)
            .filter(at -> Duration.between(at, now).compareTo(OFFSET_TIME_REACH) < 0);
    return CaptureRequests.toSubmitted(spec, pinned);
  }

  /**
   * Records the capture that a create made, as answered or as adopted; the account's next capture
   * may then go a minute after Cloudflare took this one. When the resource was deleted meanwhile,
   * the id has nowhere to go: one line names it, so that the remote capture is not forgotten.
   */
  private UpdateControl<PacketCapture> record(
      Attempt attempt, Pcap pcap, String eventReason, String eventMessage) {
    Optional<Instant> submitted = Timestamps.parse(pcap.submitted());
    if (submitted.isPresent()) {
      scheduler.submitted(
          attempt.accountId(), RecordedRequest.type(attempt.resource()), submitted.get());
    } else {
      scheduler.settled(attempt.resource());
    }
    failures.succeeded(attempt);
    PacketCapture stored;
    try {
      stored = updates.mirror(attempt.resource(), attempt.context(), pcap);
    } catch (CaptureGoneException e) {
      LOG.info(
          "Cloudflare capture {} is not recorded: PacketCapture {}/{} was deleted while it was"
              + " submitted",
          pcap.id(),
          attempt.resource().getMetadata().getNamespace(),
          attempt.resource().getMetadata().getName());
      return requeue.never();
    }
    updates.normalEvent(stored, eventReason, eventMessage);
    return sync.next(stored, pcap);
  }

  /**
   * A create that failed: refused or rejected, it made nothing and settles the account's slot; of
   * unknown outcome, it keeps the slot until the account's list settles it.
   */
  private UpdateControl<PacketCapture> createFailed(Attempt attempt, CloudflareApiException e) {
    if (e instanceof AuthenticationException) {
      scheduler.credentialsRejected(attempt.resource());
      return failures.handleNotSubmitted(attempt, e, CapturePhase.Pending);
    }
    if (e instanceof TerminalApiException terminal) {
      return rejected(attempt, terminal);
    }
    if (e instanceof RetryableApiException retryable && notCreated(retryable)) {
      scheduler.settled(attempt.resource());
      if (!(retryable instanceof BudgetHeldException)) {
        Duration wait = retryable.retryAfter().orElse(AccountScheduler.SIMPLE_INTERVAL);
        scheduler.refused(attempt.resource(), clock.instant().plus(wait));
      }
      return failures.handleNotSubmitted(attempt, retryable, CapturePhase.Queued);
    }
    // The request may have created a capture: stay Submitting, and settle it from the list.
    return failures.handle(attempt, e, CapturePhase.Submitting);
  }

  /**
   * 429 and 409 answer before a capture is made (the account's per-minute or one-running rule, or
   * the request budget): the request can be sent again safely.
   */
  private static boolean notCreated(RetryableApiException e) {
    return e.httpStatus() == 429 || e.httpStatus() == 409;
  }

  /**
   * Records that the capture waits, when {@link QueueEstimates} says the queue status is due (on
   * queueing, or when the estimate passed), and looks again at its turn or the staleness bound.
   */
  private UpdateControl<PacketCapture> queued(
      Attempt attempt, AccountScheduler.Wait wait, Instant now) {
    PacketCapture capture = attempt.resource();
    PacketCaptureStatus status = capture.currentStatus();
    boolean waiting =
        status.getPhase() == CapturePhase.Queued
            && ConditionReason.Queued.name()
                .equals(StatusConditions.reason(status.getConditions()));
    QueueEstimates.next(waiting ? status.getQueue() : null, wait, now)
        .ifPresent(
            queue ->
                updates.notReady(
                    capture,
                    attempt.context(),
                    CapturePhase.Queued,
                    ConditionReason.Queued,
                    (queue.getRevisions() == null ? "queued as number " : "number ")
                        + queue.getPosition()
                        + " in the queue of account "
                        + capture.getSpec().getAccountId()
                        + " for "
                        + capture.getSpec().getType().name().toLowerCase(Locale.ROOT)
                        + " captures"
                        + (queue.getRevisions() == null
                            ? "; expected to start at "
                            : " when the estimated start passed; now expected at ")
                        + queue.getNotBefore(),
                    false,
                    s -> s.setQueue(queue)));
    Duration untilStart = Duration.between(now, wait.notBefore());
    return requeue.after(
        untilStart.compareTo(settings.poll().maxInterval()) > 0
            ? settings.poll().maxInterval()
            : untilStart);
  }

  private UpdateControl<PacketCapture> rejected(Attempt attempt, TerminalApiException e) {
    scheduler.settled(attempt.resource());
    updates.notReady(
        attempt.resource(),
        attempt.context(),
        CapturePhase.Failed,
        ConditionReason.RemoteRejected,
        "Cloudflare rejected the capture request: " + e.apiMessage(),
        true,
        RemoteFailures::forgetSubmission);
    return requeue.never();
  }

  private UpdateControl<PacketCapture> ambiguous(Attempt attempt, List<Pcap> candidates) {
    String ids = candidates.stream().map(Pcap::id).collect(Collectors.joining(", "));
    updates.notReady(
        attempt.resource(),
        attempt.context(),
        CapturePhase.Submitting,
        ConditionReason.AmbiguousSubmission,
        candidates.size()
            + " remote captures match a create whose answer was lost: "
            + ids
            + "; set the annotation "
            + ADOPT_ANNOTATION
            + " to the right one",
        true);
    return requeue.after(settings.credentialsRetry());
  }
}
