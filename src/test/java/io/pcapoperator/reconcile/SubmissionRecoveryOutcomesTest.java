package io.pcapoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubmissionRecoveryOutcomesTest {
  private final ManualClock clock = new ManualClock(Captures.NOW);
  private final FakePcapsApi api = new FakePcapsApi();
  private final ReconcilerSettings settings = ReconcilerSettings.defaults();
  private final SubmissionRecovery recovery =
      new SubmissionRecovery(
          api,
          new FailureOutcomes(
              new FailureBackoff(Duration.ofSeconds(5), Duration.ofMinutes(5)),
              new CredentialsBackoff(Duration.ofSeconds(5), Duration.ofMinutes(15)),
              6),
          new AccountScheduler(),
          clock,
          settings);
  private final PacketCapture capture =
      Captures.unanswered(CaptureType.SIMPLE, Captures.NOW.minusSeconds(10));

  private Optional<Outcome> settle() {
    return recovery.settle(new Attempt(capture, new FakeStore(capture), FakeStore.TOKEN));
  }

  private static Pcap made(String id) {
    return FakePcapsApi.pcap(id, "simple", "success", Captures.NOW.minusSeconds(9).toString());
  }

  @Test
  void adoptsTheOneCaptureTheLostCreateMade() {
    Pcap lost = made(Captures.ID);
    api.lists.add(() -> List.of(lost));

    assertThat(settle())
        .contains(
            new Outcome.Learned(
                lost,
                Optional.of(
                    new Outcome.Note(
                        Outcome.Severity.NORMAL,
                        "Adopted",
                        "adopted capture " + Captures.ID + " after a lost create"))));
  }

  @Test
  void asksTheUserWhenSeveralCapturesMatch() {
    api.lists.add(() -> List.of(made("aa"), made("bb")));

    Outcome.NotReady outcome = (Outcome.NotReady) settle().orElseThrow();

    assertThat(outcome.phase()).isEqualTo(CapturePhase.Submitting);
    assertThat(outcome.reason()).isEqualTo(ConditionReason.AmbiguousSubmission);
    assertThat(outcome.message()).contains("aa, bb", SubmissionRecovery.ADOPT_ANNOTATION);
    assertThat(outcome.requeue()).contains(settings.ambiguousRetry());
  }

  @Test
  void waitsOutTheGracePeriodWhileNoCaptureShowsUp() {
    api.lists.add(List::of);

    assertThat(settle()).contains(Outcome.waitFor(Duration.ofSeconds(20)));
  }

  @Test
  void submitsAnewOnceTheGracePeriodShowsNothingWasMade() {
    clock.advance(Duration.ofSeconds(30));
    api.lists.add(List::of);

    assertThat(settle()).isEmpty();
  }

  @Test
  void aListThatFailsKeepsTheCaptureSubmitting() {
    api.lists.add(
        () -> {
          throw Captures.retryable(503, null);
        });

    Outcome.NotReady outcome = (Outcome.NotReady) settle().orElseThrow();

    assertThat(outcome.phase()).isEqualTo(CapturePhase.Submitting);
    assertThat(outcome.reason()).isEqualTo(ConditionReason.RemoteUnavailable);
  }
}
