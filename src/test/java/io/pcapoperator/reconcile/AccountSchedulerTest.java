package io.pcapoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureSpec;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.api.v1alpha1.SecretReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AccountSchedulerTest {
  private static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
  private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
  private static final Predicate<PacketCapture> ALL_FOUND = c -> true;
  private static final Supplier<Optional<Duration>> SENT_NOW = Optional::empty;
  private final AccountScheduler scheduler = new AccountScheduler();
  private int created;

  private PacketCapture capture(String namespace, String name, CaptureType type) {
    PacketCaptureSpec spec = new PacketCaptureSpec();
    spec.setAccountId(ACCOUNT);
    spec.setCredentialsSecretRef(new SecretReference("cf"));
    spec.setType(type);
    spec.setTimeLimit(300);
    PacketCapture capture = new PacketCapture();
    capture.getMetadata().setNamespace(namespace);
    capture.getMetadata().setName(name);
    capture.getMetadata().setUid(namespace + "-" + name);
    capture.getMetadata().setCreationTimestamp(NOW.plusSeconds(created++).toString());
    capture.setSpec(spec);
    return capture;
  }

  private static void running(PacketCapture capture, Instant submitted) {
    PacketCaptureStatus status = new PacketCaptureStatus();
    status.setId("66802ca5668e47a2b82c2e6746e45037");
    status.setPhase(CapturePhase.Running);
    status.setRemoteStatus("running");
    status.setSubmitted(submitted.toString());
    capture.setStatus(status);
  }

  @Test
  void admitsOneSimpleCaptureAMinuteInCreationOrder() {
    PacketCapture first = capture("a", "first", CaptureType.SIMPLE);
    PacketCapture second = capture("a", "second", CaptureType.SIMPLE);
    PacketCapture third = capture("a", "third", CaptureType.SIMPLE);
    List<PacketCapture> account = List.of(first, second, third);

    assertThat(scheduler.admit(second, account, NOW, ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Wait(2, NOW.plusSeconds(61)));
    assertThat(scheduler.admit(first, account, NOW, ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Admitted());
    running(first, NOW);
    scheduler.submitted(first.getSpec().getAccountId(), CaptureType.SIMPLE, NOW);
    List<PacketCapture> waiting = List.of(first, second, third);
    assertThat(scheduler.admit(third, waiting, NOW.plusSeconds(1), ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Wait(2, NOW.plusSeconds(61 + 61)));
    assertThat(scheduler.admit(second, waiting, NOW.plusSeconds(30), ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Wait(1, NOW.plusSeconds(61)));
    assertThat(scheduler.admit(second, waiting, NOW.plusSeconds(61), ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Admitted());
  }

  @Test
  void theNextSimpleCaptureWaitsWhileTheCreateBeforeItIsUnanswered() {
    PacketCapture first = capture("a", "first", CaptureType.SIMPLE);
    PacketCapture second = capture("a", "second", CaptureType.SIMPLE);
    assertThat(scheduler.admit(first, List.of(first, second), NOW, ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Admitted());
    List<PacketCapture> afterFirst = List.of(second);

    Instant aMinuteOn = NOW.plusSeconds(61);
    assertThat(scheduler.admit(second, afterFirst, aMinuteOn, ALL_FOUND, SENT_NOW))
        .isEqualTo(
            new AccountScheduler.Wait(1, aMinuteOn.plus(AccountScheduler.IN_FLIGHT_RECHECK)));

    scheduler.submitted(first.getSpec().getAccountId(), CaptureType.SIMPLE, NOW.plusSeconds(3));
    assertThat(scheduler.admit(second, afterFirst, aMinuteOn, ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Wait(1, NOW.plusSeconds(3 + 61)));
    assertThat(scheduler.admit(second, afterFirst, NOW.plusSeconds(3 + 61), ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Admitted());
  }

  @Test
  void aCreateWhoseCredentialsWereRejectedTakesNoneOfTheAccountsMinute() {
    PacketCapture rejected = capture("a", "rejected", CaptureType.SIMPLE);
    PacketCapture next = capture("b", "next", CaptureType.SIMPLE);
    assertThat(scheduler.admit(rejected, List.of(rejected, next), NOW, ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Admitted());

    scheduler.credentialsRejected(rejected);

    assertThat(scheduler.admit(next, List.of(next), NOW.plusSeconds(1), ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Admitted());
  }

  @Test
  void aCaptureWhoseCreateTheBudgetWouldHoldWaitsForItWithoutTakingTheAccountsMinute() {
    PacketCapture first = capture("a", "first", CaptureType.SIMPLE);
    Duration held = Duration.ofSeconds(3);

    assertThat(scheduler.admit(first, List.of(first), NOW, ALL_FOUND, () -> Optional.of(held)))
        .isEqualTo(new AccountScheduler.Wait(1, NOW.plus(held)));
    assertThat(scheduler.admit(first, List.of(first), NOW.plus(held), ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Admitted());
  }

  @Test
  void queueIsFairAcrossNamespaces() {
    List<PacketCapture> account = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      account.add(capture("busy", "b" + i, CaptureType.SIMPLE));
    }
    account.add(capture("quiet", "q0", CaptureType.SIMPLE));

    assertThat(AccountScheduler.queue(account.get(0), account, CaptureType.SIMPLE, ALL_FOUND))
        .extracting(c -> c.getMetadata().getName())
        .containsExactly("b0", "q0", "b1", "b2");
  }

  @Test
  void fullCaptureWaitsForTheRunningOneToEnd() {
    PacketCapture runningFull = capture("a", "running", CaptureType.FULL);
    running(runningFull, NOW.minusSeconds(100));
    PacketCapture next = capture("a", "next", CaptureType.FULL);
    PacketCapture simple = capture("a", "simple", CaptureType.SIMPLE);
    List<PacketCapture> account = List.of(runningFull, next, simple);

    assertThat(scheduler.admit(next, account, NOW, ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Wait(1, NOW.plusSeconds(200)));
    assertThat(scheduler.admit(simple, account, NOW, ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Admitted());

    runningFull.getStatus().setRemoteStatus("conversion_pending");
    assertThat(scheduler.admit(next, account, NOW.plusSeconds(201), ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Admitted());
  }

  @Test
  void anAdmittedFullCaptureHoldsTheSlotUntilItsStatusShowsIt() {
    PacketCapture first = capture("a", "first", CaptureType.FULL);
    PacketCapture second = capture("a", "second", CaptureType.FULL);
    List<PacketCapture> account = List.of(first, second);

    assertThat(scheduler.admit(first, account, NOW, ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Admitted());
    // The cache has not seen the first one's Submitting write yet.
    PacketCapture firstAsCached = capture("a", "first", CaptureType.FULL);
    firstAsCached.getMetadata().setCreationTimestamp(first.getMetadata().getCreationTimestamp());
    firstAsCached.getMetadata().setUid(first.getMetadata().getUid());
    assertThat(scheduler.admit(second, List.of(firstAsCached, second), NOW, ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Wait(2, NOW.plusSeconds(30)));

    // Once deleted, it holds nothing.
    assertThat(scheduler.admit(second, List.of(second), NOW, ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Admitted());
  }

  @Test
  void restartedSchedulerRebuildsTheMinuteFromStatus() {
    PacketCapture done = capture("a", "done", CaptureType.SIMPLE);
    running(done, NOW.minusSeconds(20));
    PacketCapture next = capture("a", "next", CaptureType.SIMPLE);

    assertThat(new AccountScheduler().admit(next, List.of(done, next), NOW, ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Wait(1, NOW.plusSeconds(41)));
  }

  @Test
  void refusalPausesTheAccountUntilRetryAfter() {
    PacketCapture first = capture("a", "first", CaptureType.SIMPLE);
    assertThat(scheduler.admit(first, List.of(first), NOW, ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Admitted());
    scheduler.refused(first, NOW.plus(Duration.ofMinutes(5)));

    assertThat(scheduler.admit(first, List.of(first), NOW.plusSeconds(120), ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Wait(1, NOW.plus(Duration.ofMinutes(5))));
  }

  @Test
  void aCaptureWithoutCredentialsGivesUpItsPlaceUntilItsSecretIsThere() {
    PacketCapture noSecret = capture("a", "no-secret", CaptureType.SIMPLE);
    PacketCaptureStatus status = new PacketCaptureStatus();
    status.setPhase(CapturePhase.Pending);
    StatusConditions.set(
        status.getConditions(), false, ConditionReason.CredentialsNotFound, "x", 1, NOW);
    noSecret.setStatus(status);
    PacketCapture ready = capture("a", "ready", CaptureType.SIMPLE);

    assertThat(scheduler.admit(ready, List.of(noSecret, ready), NOW, c -> c != noSecret, SENT_NOW))
        .isEqualTo(new AccountScheduler.Admitted());
    assertThat(
            new AccountScheduler().admit(ready, List.of(noSecret, ready), NOW, ALL_FOUND, SENT_NOW))
        .isInstanceOfSatisfying(
            AccountScheduler.Wait.class, wait -> assertThat(wait.position()).isEqualTo(2));
  }

  @Test
  void aCreateOfUnknownOutcomeHoldsItsAccountUntilSettledEvenAfterARestart() {
    PacketCapture lost = capture("a", "lost", CaptureType.SIMPLE);
    PacketCapture next = capture("a", "next", CaptureType.SIMPLE);
    List<PacketCapture> account = List.of(lost, next);
    assertThat(scheduler.admit(lost, account, NOW, ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Admitted());
    unknownOutcome(lost, NOW);

    Instant anHourOn = NOW.plus(Duration.ofHours(1));
    AccountScheduler.Wait blocked =
        new AccountScheduler.Wait(1, anHourOn.plus(AccountScheduler.IN_FLIGHT_RECHECK));
    assertThat(scheduler.admit(next, account, anHourOn, ALL_FOUND, SENT_NOW)).isEqualTo(blocked);
    assertThat(new AccountScheduler().admit(next, account, anHourOn, ALL_FOUND, SENT_NOW))
        .isEqualTo(blocked);

    running(lost, NOW.plusSeconds(1));
    scheduler.submitted(ACCOUNT, CaptureType.SIMPLE, NOW.plusSeconds(1));
    assertThat(scheduler.admit(next, account, anHourOn, ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Admitted());
  }

  @Test
  void aFullCreateOfUnknownOutcomeHoldsTheAccountBeyondItsTimeLimit() {
    PacketCapture lost = capture("a", "lost", CaptureType.FULL);
    unknownOutcome(lost, NOW);
    PacketCapture next = capture("a", "next", CaptureType.FULL);

    Instant pastItsLimit = NOW.plus(Duration.ofHours(1));
    assertThat(
            new AccountScheduler()
                .admit(next, List.of(lost, next), pastItsLimit, ALL_FOUND, SENT_NOW))
        .isInstanceOf(AccountScheduler.Wait.class);
  }

  @Test
  void aDeletedCaptureWhoseCreateWasInFlightHoldsNothingBack() {
    PacketCapture gone = capture("a", "gone", CaptureType.SIMPLE);
    PacketCapture next = capture("a", "next", CaptureType.SIMPLE);
    assertThat(scheduler.admit(gone, List.of(gone, next), NOW, ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Admitted());

    scheduler.forget(gone);

    assertThat(scheduler.admit(next, List.of(next), NOW.plusSeconds(61), ALL_FOUND, SENT_NOW))
        .isEqualTo(new AccountScheduler.Admitted());
  }

  private static void unknownOutcome(PacketCapture capture, Instant started) {
    PacketCaptureStatus status = new PacketCaptureStatus();
    status.setPhase(CapturePhase.Submitting);
    status.setSubmissionStarted(started.toString());
    capture.setStatus(status);
  }
}
