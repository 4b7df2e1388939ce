package io.pcapoperator.reconcile;

import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.cloudflare.AuthenticationException;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapsApi;
import io.pcapoperator.cloudflare.RetryableApiException;
import io.pcapoperator.cloudflare.TerminalApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Reads a submitted capture from Cloudflare and mirrors it, until it is terminal. */
final class CaptureSync {
  private final PcapsApi api;
  private final StatusUpdates updates;
  private final RemoteFailures failures;
  private final PollSchedule poll;
  private final Requeue requeue;
  private final Clock clock;

  CaptureSync(
      PcapsApi api,
      StatusUpdates updates,
      RemoteFailures failures,
      PollSchedule poll,
      Requeue requeue,
      Clock clock) {
    this.api = api;
    this.updates = updates;
    this.failures = failures;
    this.poll = poll;
    this.requeue = requeue;
    this.clock = clock;
  }

  /** Reads the capture whose id is in the status and mirrors it. */
  UpdateControl<PacketCapture> sync(Attempt unheld) {
    Attempt attempt = unheld.with(CaptureFinalizer.ensure(unheld.resource(), unheld.context()));
    String id = attempt.resource().getStatus().getId();
    Pcap pcap;
    try {
      pcap = api.get(attempt.credentials(), attempt.accountId(), id);
    } catch (TerminalApiException e) {
      String message =
          e.httpStatus() == 404
              ? "capture " + id + " no longer exists at Cloudflare"
              : "reading capture " + id + " was refused: " + e.apiMessage();
      updates.notReady(
          attempt.resource(),
          attempt.context(),
          CapturePhase.Failed,
          ConditionReason.Failed,
          message,
          true);
      return requeue.never();
    } catch (AuthenticationException | RetryableApiException e) {
      return failures.handle(attempt, e, currentPhase(attempt));
    }
    failures.succeeded(attempt);
    PacketCapture stored = updates.mirror(attempt.resource(), attempt.context(), pcap);
    return next(stored, pcap);
  }

  /** What to do after mirroring {@code pcap}: wait for its next change, or nothing. */
  UpdateControl<PacketCapture> next(PacketCapture stored, Pcap pcap) {
    Optional<Duration> wait = poll.next(pcap, clock.instant());
    return wait.map(CaptureSync::withJitter).map(requeue::after).orElseGet(requeue::never);
  }

  /** Up to a tenth more, so that captures made together are not all read in the same instant. */
  private static Duration withJitter(Duration wait) {
    return wait.plusMillis(
        (long) (wait.toMillis() * 0.1 * ThreadLocalRandom.current().nextDouble()));
  }

  private static CapturePhase currentPhase(Attempt attempt) {
    CapturePhase phase = attempt.resource().getStatus().getPhase();
    return phase == null ? CapturePhase.Running : phase;
  }
}
