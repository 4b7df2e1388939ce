package io.pcapoperator.app;

import static io.pcapoperator.app.OperatorHarness.readyReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.cloudflare.Credentials;
import io.pcapoperator.cloudflare.HttpPcapsApi;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.reconcile.CaptureRequests;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A create whose answer was lost, or an operator that died between the create and recording the id,
 * never leads to a second capture: the operator adopts the one it made.
 */
@ExtendWith(RunningOperator.class)
class SubmissionRecoveryTest {

  @Test
  void lostCreateAnswerIsSettledByAdoptingTheCaptureItMade(OperatorHarness harness) {
    harness.simulator.faults().loseNextCreateAnswers(1);

    harness.apply(OperatorHarness.simple("lost-answer"));
    PacketCapture done = harness.awaitPhase("lost-answer", CapturePhase.Succeeded);

    assertThat(harness.simulator.captures()).hasSize(1);
    assertThat(done.getStatus().getId()).isEqualTo(harness.simulator.captures().get(0).id());
    assertThat(harness.simulator.stats().snapshot().count("create")).isEqualTo(1);
    assertThat(harness.simulator.stats().snapshot().count("list")).isGreaterThanOrEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(harness.events("lost-answer"))
                    .extracting(Event::getReason)
                    .contains("Adopted"));
  }

  @Test
  void operatorThatDiedAfterTheCreateAdoptsTheCaptureOnRestart(OperatorHarness harness) {
    harness.stopOperator();
    PacketCapture capture = harness.apply(OperatorHarness.full("crashed", 60));
    Instant attempt = harness.clock.instant();
    Pcap made = createRemotely(harness, capture);
    markSubmitting(harness, capture, attempt);

    harness.startOperator();
    PacketCapture done = harness.awaitPhase("crashed", CapturePhase.Succeeded);

    assertThat(done.getStatus().getId()).isEqualTo(made.id());
    assertThat(harness.simulator.captures()).hasSize(1);
  }

  @Test
  void aCaptureIsNotAdoptedForARequestOtherThanTheOneSent(OperatorHarness harness) {
    harness.stopOperator();
    PacketCapture capture = harness.apply(OperatorHarness.full("fingerprinted", 60));
    Instant attempt = harness.clock.instant();
    createRemotely(harness, capture);
    markSubmitting(harness, capture, attempt, "00000000000000ff");

    harness.startOperator();
    PacketCapture unsettled =
        harness.await(
            "fingerprinted",
            c -> "AmbiguousSubmission".equals(readyReason(c)),
            Duration.ofSeconds(10));

    assertThat(unsettled.getStatus().getId()).isNull();
    assertThat(unsettled.getStatus().getConditions().get(0).getMessage())
        .contains("00000000000000ff", "pcap-operator.io/adopt-id");
    assertThat(harness.simulator.stats().snapshot().count("create")).isEqualTo(1);
  }

  @Test
  void submissionThatNeverArrivedIsSentAgainAfterTheGracePeriod(OperatorHarness harness) {
    harness.stopOperator();
    harness.apply(OperatorHarness.simple("never-arrived"));
    markSubmitting(harness, harness.get("never-arrived"), harness.clock.instant().minusSeconds(60));

    harness.startOperator();
    harness.awaitPhase("never-arrived", CapturePhase.Succeeded);

    assertThat(harness.simulator.captures()).hasSize(1);
    assertThat(harness.simulator.stats().snapshot().count("create")).isEqualTo(1);
  }

  @Test
  void deletingACaptureWhoseCreateAnswerWasLostStopsTheCaptureItMade(OperatorHarness harness) {
    harness.stopOperator();
    PacketCapture capture = harness.apply(OperatorHarness.full("deleted-in-flight", 3600));
    Instant attempt = harness.clock.instant();
    Pcap made = createRemotely(harness, capture);
    markSubmitting(harness, capture, attempt);
    harness
        .client()
        .resources(PacketCapture.class)
        .inNamespace(OperatorHarness.NAMESPACE)
        .withName("deleted-in-flight")
        .edit(
            c -> {
              c.getMetadata().getFinalizers().add("packetcaptures.pcap-operator.io/finalizer");
              return c;
            });
    harness.client().resource(harness.get("deleted-in-flight")).delete();

    harness.startOperator();

    await().atMost(Duration.ofSeconds(10)).until(() -> harness.get("deleted-in-flight") == null);
    assertThat(harness.simulator.stats().snapshot().count("stop")).isEqualTo(1);
    assertThat(harness.simulator.captures())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.id()).isEqualTo(made.id());
              assertThat(p.stopRequested()).isNotNull();
            });
  }

  @Test
  void severalMatchingCapturesAskTheUserToPinOne(OperatorHarness harness) {
    harness.stopOperator();
    PacketCapture capture = harness.apply(OperatorHarness.full("twins", 60));
    Instant attempt = harness.clock.instant();
    Pcap first = createRemotely(harness, capture);
    harness.clock.instant();
    // A second full capture is refused while the first runs: stop it first, then make the twin.
    harness.simulator.faults().reset();
    api(harness).stop(new Credentials.ApiToken("dev-token"), OperatorHarness.ACCOUNT, first.id());
    Pcap second = createRemotely(harness, capture);
    markSubmitting(harness, capture, attempt);

    harness.startOperator();
    PacketCapture ambiguous =
        harness.await(
            "twins", c -> "AmbiguousSubmission".equals(readyReason(c)), Duration.ofSeconds(10));
    assertThat(ambiguous.getStatus().getConditions().get(0).getMessage())
        .contains(first.id(), second.id(), "pcap-operator.io/adopt-id");

    harness.annotate("twins", "pcap-operator.io/adopt-id", second.id());

    PacketCapture adopted =
        harness.await(
            "twins", c -> second.id().equals(c.getStatus().getId()), Duration.ofSeconds(10));
    assertThat(adopted.getStatus().getPhase()).isNotEqualTo(CapturePhase.Submitting);
    assertThat(harness.simulator.captures()).hasSize(2);
  }

  private static HttpPcapsApi api(OperatorHarness harness) {
    return HttpPcapsApi.withDefaults(harness.simulator.baseUrl());
  }

  private static Pcap createRemotely(OperatorHarness harness, PacketCapture capture) {
    return api(harness)
        .create(
            new Credentials.ApiToken("dev-token"),
            OperatorHarness.ACCOUNT,
            CaptureRequests.toRequest(capture.getSpec()));
  }

  /** Leaves the status as an operator that died right after its create request would. */
  private static void markSubmitting(
      OperatorHarness harness, PacketCapture capture, Instant attempt) {
    markSubmitting(
        harness,
        capture,
        attempt,
        CaptureRequests.fingerprint(CaptureRequests.toRequest(capture.getSpec())));
  }

  /** As above, with the fingerprint of another request than the spec's, or of none. */
  private static void markSubmitting(
      OperatorHarness harness, PacketCapture capture, Instant attempt, String fingerprint) {
    PacketCapture fresh = harness.get(capture.getMetadata().getName());
    PacketCaptureStatus status = new PacketCaptureStatus();
    status.setPhase(CapturePhase.Submitting);
    status.setSubmissionStarted(attempt.toString());
    status.setSubmissionHash(fingerprint);
    fresh.setStatus(status);
    harness.client().resource(fresh).updateStatus();
  }
}
