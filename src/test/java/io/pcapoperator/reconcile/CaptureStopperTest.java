package io.pcapoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.testing.ManualClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaptureStopperTest {
  private final FakePcapsApi api = new FakePcapsApi();
  private final CaptureStopper stopper =
      new CaptureStopper(
          api,
          new FailureOutcomes(
              new FailureBackoff(Duration.ofSeconds(5), Duration.ofMinutes(5)),
              new CredentialsBackoff(Duration.ofSeconds(5), Duration.ofMinutes(15)),
              3),
          new LostSubmissions(api, new ManualClock(Captures.NOW)));
  private final PacketCapture capture = Captures.running(CaptureType.FULL);

  private Outcome cleanup() {
    return stopper.cleanup(capture, new FakeStore(capture));
  }

  @Test
  void stopsARunningFullCaptureThenLetsItGo() {
    api.stops.add(() -> {});

    assertThat(cleanup())
        .isEqualTo(
            new Outcome.Released(
                Optional.of(
                    new Outcome.Note(
                        Outcome.Severity.NORMAL,
                        "Stopped",
                        "stopped capture " + Captures.ID + " on deletion"))));
    assertThat(api.calls).containsExactly("stop " + Captures.ID);
  }

  @Test
  void aCaptureThatNeedsNoStopIsLetGoQuietly() {
    api.stops.add(
        () -> {
          throw Captures.terminal(404);
        });

    assertThat(cleanup()).isEqualTo(new Outcome.Released(Optional.empty()));
  }

  @Test
  void aStopThatKeepsFailingIsRetriedThenGivenUpWithAWarning() {
    for (int i = 0; i < 3; i++) {
      api.stops.add(
          () -> {
            throw Captures.retryable(503, null);
          });
    }

    assertThat(cleanup()).isInstanceOf(Outcome.Wait.class);
    assertThat(cleanup()).isInstanceOf(Outcome.Wait.class);
    Outcome.Released last = (Outcome.Released) cleanup();

    assertThat(last.note().orElseThrow().severity()).isEqualTo(Outcome.Severity.WARNING);
    assertThat(last.note().orElseThrow().message())
        .isEqualTo("could not stop capture " + Captures.ID + " (busy); it runs until its limits");
  }

  @Test
  void aSimpleCaptureIsLetGoWithoutACall() {
    PacketCapture simple = Captures.running(CaptureType.SIMPLE);

    assertThat(stopper.cleanup(simple, new FakeStore(simple)))
        .isEqualTo(new Outcome.Released(Optional.empty()));
    assertThat(api.calls).isEmpty();
  }
}
