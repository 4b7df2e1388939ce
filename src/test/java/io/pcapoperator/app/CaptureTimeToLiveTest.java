package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code spec.ttlSecondsAfterFinished} deletes a finished PacketCapture that long after it ended,
 * counted from {@code status.finishedAt}, and tells why in an Event; without it the capture stays.
 */
@ExtendWith(RunningOperator.class)
class CaptureTimeToLiveTest {

  @Test
  void aFinishedCaptureIsDeletedOnceItsTimeToLiveHasPassed(OperatorHarness harness) {
    PacketCapture withTtl = OperatorHarness.simple("short-lived");
    withTtl.getSpec().setTtlSecondsAfterFinished(600);
    harness.apply(withTtl);
    harness.apply(OperatorHarness.simple("kept"));

    PacketCapture done = harness.awaitPhase("short-lived", CapturePhase.Succeeded);
    Instant finishedAt = Instant.parse(done.getStatus().getFinishedAt());
    assertThat(harness.clock.instant()).isBefore(finishedAt.plusSeconds(600));

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> harness.get("short-lived") == null);
    assertThat(harness.clock.instant()).isAfterOrEqualTo(finishedAt.plusSeconds(600));
    assertThat(harness.events("short-lived")).extracting(Event::getReason).contains("Expired");
    PacketCapture kept = harness.awaitPhase("kept", CapturePhase.Succeeded);
    assertThat(kept.getStatus().getFinishedAt()).isNotNull();
    assertThat(harness.get("kept")).isNotNull();
  }
}
