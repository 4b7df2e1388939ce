package io.pcapoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.testing.ManualClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FinishedCaptureTest {
  private final ManualClock clock = new ManualClock(Captures.NOW);
  private final FinishedCapture finished = new FinishedCapture(clock);

  private static PacketCapture succeeded(Integer ttlSeconds, String finishedAt) {
    PacketCapture capture = Captures.running(CaptureType.SIMPLE);
    capture.getSpec().setTtlSecondsAfterFinished(ttlSeconds);
    capture.getStatus().setPhase(CapturePhase.Succeeded);
    capture.getStatus().setFinishedAt(finishedAt);
    capture.getStatus().setObservedGeneration(1L);
    return capture;
  }

  @Test
  void aCaptureWithoutTimeToLiveIsLeftAlone() {
    assertThat(finished.decide(succeeded(null, Captures.NOW.toString()))).isEqualTo(Outcome.done());
  }

  @Test
  void aCaptureIsLookedAtAgainWhenItsTimeToLiveEnds() {
    PacketCapture capture = succeeded(600, Captures.NOW.minusSeconds(100).toString());

    assertThat(finished.decide(capture)).isEqualTo(Outcome.waitFor(Duration.ofSeconds(500)));
  }

  @Test
  void aCaptureWhoseTimeToLiveHasPassedIsDeletedWithAnEvent() {
    PacketCapture capture = succeeded(600, Captures.NOW.minusSeconds(100).toString());
    clock.advance(Duration.ofSeconds(500));

    Outcome outcome = finished.decide(capture);

    assertThat(outcome).isInstanceOf(Outcome.Expired.class);
    Outcome.Note note = ((Outcome.Expired) outcome).note();
    assertThat(note.reason()).isEqualTo(FinishedCapture.EXPIRED);
    assertThat(note.message()).contains("600s", "spec.ttlSecondsAfterFinished");
  }

  @Test
  void aCaptureThatFinishedBeforeFinishedAtWasRecordedCountsItsTimeToLiveFromNow() {
    PacketCapture capture = succeeded(60, null);

    Outcome.Amend amendment = (Outcome.Amend) finished.decide(capture);
    FakeStore store = new FakeStore(capture);
    store.writeStatus(capture, amendment.edits());

    assertThat(capture.getStatus().getFinishedAt()).isEqualTo(Captures.NOW.toString());
    assertThat(amendment.requeue()).contains(Duration.ofSeconds(60));
  }

  @Test
  void aChangedSpecIsAcknowledgedInOneWriteWithoutAnEvent() {
    PacketCapture capture = succeeded(null, Captures.NOW.toString());
    capture.getMetadata().setGeneration(2L);

    Outcome.Amend amendment = (Outcome.Amend) finished.decide(capture);
    new FakeStore(capture).writeStatus(capture, amendment.edits());

    assertThat(capture.getStatus().getObservedGeneration()).isEqualTo(2L);
    assertThat(amendment.note()).isEqualTo(Optional.empty());
    assertThat(amendment.requeue()).isEmpty();
  }
}
