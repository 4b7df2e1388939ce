package io.pcapoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.testing.ManualClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaptureSubmitterTest {
  private final ManualClock clock = new ManualClock(Captures.NOW);
  private final FakePcapsApi api = new FakePcapsApi();
  private final ReconcilerSettings settings = ReconcilerSettings.defaults();
  private final CaptureSubmitter submitter =
      new CaptureSubmitter(
          api,
          new OutcomeWriter(new CaptureEvents(null, clock), ScaledClock.real()),
          new FailureOutcomes(
              new FailureBackoff(Duration.ofSeconds(5), Duration.ofMinutes(5)),
              new CredentialsBackoff(Duration.ofSeconds(5), Duration.ofMinutes(15)),
              6),
          clock,
          settings.poll(),
          new AccountScheduler(),
          QueueWaits.none());

  private Outcome submit(PacketCapture capture) {
    FakeStore store = new FakeStore(capture);
    return submitter.submit(new Attempt(capture, store, FakeStore.TOKEN));
  }

  @Test
  void aCaptureWhoseStoredStatusHasAnIdTheCacheDidNotShowIsNotCreatedAgain() {
    PacketCapture stale = Captures.fresh(CaptureType.SIMPLE);
    FakeStore store = new FakeStore(stale);
    store.stored = Captures.running(CaptureType.SIMPLE).getStatus();

    Outcome outcome = submitter.submit(new Attempt(stale, store, FakeStore.TOKEN));

    assertThat(api.calls).isEmpty();
    assertThat(outcome).isEqualTo(Outcome.waitFor(Duration.ZERO));
    assertThat(store.written).isEmpty();
  }

  @Test
  void returnsTheCreatedCaptureOnceTheMarkIsWritten() {
    PacketCapture capture = Captures.fresh(CaptureType.SIMPLE);
    Pcap created = FakePcapsApi.pcap(Captures.ID, "simple", "pending", Captures.NOW.toString());
    api.creates.add(
        () -> {
          PacketCaptureStatus marked = capture.getStatus();
          assertThat(marked.getPhase()).isEqualTo(CapturePhase.Submitting);
          assertThat(marked.getSubmissionStarted()).isNotNull();
          assertThat(marked.getSubmissionHash()).isNotNull();
          assertThat(marked.getRequest()).isNotNull();
          return created;
        });

    Outcome outcome = submit(capture);

    assertThat(outcome)
        .isEqualTo(
            new Outcome.Learned(
                created,
                Optional.of(
                    new Outcome.Note(
                        Outcome.Severity.NORMAL, "Submitted", "created capture " + Captures.ID))));
  }

  @Test
  void aCreateRefusedForTheAccountsRulesQueuesAndClearsTheMark() {
    PacketCapture capture = Captures.fresh(CaptureType.SIMPLE);
    api.creates.add(
        () -> {
          throw Captures.retryable(429, Duration.ofSeconds(40));
        });

    Outcome.NotReady outcome = (Outcome.NotReady) submit(capture);

    assertThat(outcome.phase()).isEqualTo(CapturePhase.Queued);
    assertThat(outcome.reason()).isEqualTo(ConditionReason.Queued);
    assertThat(outcome.severity()).isEqualTo(Outcome.Severity.NORMAL);
    assertThat(outcome.message()).contains("busy", "retrying in 40 s");
    assertThat(outcome.requeue()).contains(Duration.ofSeconds(40));
    outcome.edits().accept(capture.getStatus());
    assertThat(capture.getStatus().getSubmissionStarted()).isNull();
    assertThat(capture.getStatus().getSubmissionHash()).isNull();
  }

  @Test
  void aCreateTheBudgetHoldsBackQueuesWithoutAWarning() {
    PacketCapture capture = Captures.fresh(CaptureType.SIMPLE);
    api.creates.add(
        () -> {
          throw Captures.budgetHeld(Duration.ofSeconds(30));
        });

    Outcome.NotReady outcome = (Outcome.NotReady) submit(capture);

    assertThat(outcome.phase()).isEqualTo(CapturePhase.Queued);
    assertThat(outcome.severity()).isEqualTo(Outcome.Severity.NORMAL);
    assertThat(outcome.message())
        .isEqualTo("waiting for this credential's request budget; next attempt in 30 s");
    assertThat(outcome.requeue()).contains(Duration.ofSeconds(30));
  }

  @Test
  void aCreateOfUnknownOutcomeStaysSubmittingWithItsMark() {
    PacketCapture capture = Captures.fresh(CaptureType.SIMPLE);
    api.creates.add(
        () -> {
          throw Captures.retryable(502, null);
        });

    Outcome.NotReady outcome = (Outcome.NotReady) submit(capture);

    assertThat(outcome.phase()).isEqualTo(CapturePhase.Submitting);
    assertThat(outcome.reason()).isEqualTo(ConditionReason.RemoteUnavailable);
    assertThat(outcome.severity()).isEqualTo(Outcome.Severity.WARNING);
    outcome.edits().accept(capture.getStatus());
    assertThat(capture.getStatus().getSubmissionStarted()).isNotNull();
  }

  @Test
  void aRefusedRequestFailsForGood() {
    PacketCapture capture = Captures.fresh(CaptureType.SIMPLE);
    api.creates.add(
        () -> {
          throw Captures.terminal(400);
        });

    Outcome.NotReady outcome = (Outcome.NotReady) submit(capture);

    assertThat(outcome.phase()).isEqualTo(CapturePhase.Failed);
    assertThat(outcome.reason()).isEqualTo(ConditionReason.RemoteRejected);
    assertThat(outcome.message()).isEqualTo("Cloudflare rejected the capture request: refused");
    assertThat(outcome.requeue()).isEmpty();
  }

  @Test
  void rejectedCredentialsGoBackToPendingAndBackOffFromSeconds() {
    PacketCapture capture = Captures.fresh(CaptureType.SIMPLE);
    api.creates.add(
        () -> {
          throw Captures.rejected();
        });

    Outcome.NotReady outcome = (Outcome.NotReady) submit(capture);

    assertThat(outcome.phase()).isEqualTo(CapturePhase.Pending);
    assertThat(outcome.reason()).isEqualTo(ConditionReason.AuthenticationFailed);
    assertThat(outcome.requeue().orElseThrow()).isLessThanOrEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aCaptureWhoseTurnHasNotComeIsQueuedWithoutACall() {
    PacketCapture first = Captures.fresh(CaptureType.SIMPLE);
    PacketCapture second = Captures.fresh(CaptureType.SIMPLE);
    second.getMetadata().setUid("uid-second");
    second.getMetadata().setCreationTimestamp(Captures.NOW.minusSeconds(1).toString());
    FakeStore store = new FakeStore(second);
    store.account.add(first);

    Outcome.NotReady outcome =
        (Outcome.NotReady) submitter.submit(new Attempt(second, store, FakeStore.TOKEN));

    assertThat(outcome.phase()).isEqualTo(CapturePhase.Queued);
    assertThat(outcome.message()).startsWith("queued as number 2 in the queue of account");
    assertThat(api.calls).isEmpty();
  }
}
