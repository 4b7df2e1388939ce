package io.pcapoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.cloudflare.Pcap;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaptureSyncTest {
  private final FakePcapsApi api = new FakePcapsApi();
  private final CaptureSync sync =
      new CaptureSync(
          api,
          new FailureOutcomes(
              new FailureBackoff(Duration.ofSeconds(5), Duration.ofMinutes(5)),
              new CredentialsBackoff(Duration.ofSeconds(5), Duration.ofMinutes(15)),
              6));
  private final PacketCapture capture = Captures.running(CaptureType.FULL);

  private Outcome sync() {
    return sync.sync(new Attempt(capture, new FakeStore(capture), FakeStore.TOKEN));
  }

  @Test
  void returnsWhatCloudflareSaysAndHoldsAFullCaptureWithTheFinalizer() {
    Pcap remote = FakePcapsApi.pcap(Captures.ID, "full", "running", Captures.NOW.toString());
    api.gets.add(() -> remote);

    assertThat(sync()).isEqualTo(new Outcome.Learned(remote, Optional.empty()));
    assertThat(capture.hasFinalizer(CaptureFinalizer.NAME)).isTrue();
  }

  @Test
  void aCaptureGoneFromCloudflareFails() {
    api.gets.add(
        () -> {
          throw Captures.terminal(404);
        });

    Outcome.NotReady outcome = (Outcome.NotReady) sync();

    assertThat(outcome.phase()).isEqualTo(CapturePhase.Failed);
    assertThat(outcome.reason()).isEqualTo(ConditionReason.Failed);
    assertThat(outcome.message())
        .isEqualTo("capture " + Captures.ID + " no longer exists at Cloudflare");
    assertThat(outcome.requeue()).isEmpty();
  }

  @Test
  void aTransientFailureKeepsThePhaseAndHonoursRetryAfter() {
    api.gets.add(
        () -> {
          throw Captures.retryable(503, Duration.ofSeconds(90));
        });

    Outcome.NotReady outcome = (Outcome.NotReady) sync();

    assertThat(outcome.phase()).isEqualTo(CapturePhase.Running);
    assertThat(outcome.reason()).isEqualTo(ConditionReason.RemoteUnavailable);
    assertThat(outcome.severity()).isEqualTo(Outcome.Severity.WARNING);
    assertThat(outcome.requeue()).contains(Duration.ofSeconds(90));
  }

  @Test
  void aReadTheBudgetHoldsBackWaitsWithoutAWriteOrAWarning() {
    api.gets.add(
        () -> {
          throw Captures.budgetHeld(Duration.ofSeconds(30));
        });

    assertThat(sync()).isEqualTo(Outcome.waitFor(Duration.ofSeconds(30)));
  }
}
