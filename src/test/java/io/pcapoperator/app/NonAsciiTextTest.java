package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Text beyond ASCII in the objects the operator watches (issue 9): the operator goes on seeing
 * every later change and keeps reconciling.
 */
class NonAsciiTextTest {
  private OperatorHarness harness;

  @BeforeEach
  void start() {
    harness = OperatorHarness.start();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void aNonAsciiAnnotationOnTheSecretLeavesItsLaterChangesSeen() {
    harness.createTokenSecret("wrong-token");
    harness.apply(OperatorHarness.simple("waits-for-token"));
    harness.await(
        "waits-for-token",
        c -> c.getStatus() != null && "AuthenticationFailed".equals(OperatorHarness.readyReason(c)),
        Duration.ofSeconds(20));

    patchSecret("{\"metadata\":{\"annotations\":{\"owner\":\"José\"}}}");
    // A later change in ASCII: the right token, which only the Secret's informer brings.
    String token = Base64.getEncoder().encodeToString("dev-token".getBytes());
    patchSecret("{\"data\":{\"apiToken\":\"" + token + "\"}}");

    harness.awaitPhase("waits-for-token", CapturePhase.Succeeded);
    assertKeepsReconciling("after-secret");
  }

  @Test
  void aNonAsciiAnnotationOnACaptureLeavesItsLaterChangesSeen() {
    harness.createTokenSecret("dev-token");
    harness.apply(OperatorHarness.full("annotated", 3600));
    harness.awaitPhase("annotated", CapturePhase.Running);

    harness.annotate("annotated", "note", "ñ");
    harness.annotate("annotated", "reviewed", "yes");
    // Deleting it is a change the operator must see: it stops the capture and lets it go.
    harness.client().resource(harness.get("annotated")).delete();

    await().atMost(Duration.ofSeconds(20)).until(() -> harness.get("annotated") == null);
    assertThat(harness.simulator.stats().snapshot().count("stop")).isPositive();
    assertKeepsReconciling("after-annotation");
  }

  @Test
  void aNonAsciiErrorMessageInStatusLeavesLaterCapturesReconciled() {
    String message = "Aucun paquet reçu: le filtre « port 443 » ne correspond à rien ✗";
    harness.simulator.faults().failNextCaptures(1, message);
    harness.createTokenSecret("dev-token");
    harness.apply(OperatorHarness.full("fails", 30));

    PacketCapture failed = harness.awaitPhase("fails", CapturePhase.Failed);

    assertThat(failed.getStatus().getErrorMessage()).isEqualTo(message);
    assertKeepsReconciling("after-failure");
  }

  /** A capture created now still succeeds, and no informer has stopped. */
  private void assertKeepsReconciling(String name) {
    harness.apply(OperatorHarness.simple(name));
    harness.awaitPhase(name, CapturePhase.Succeeded);
    assertThat(harness.exits).isEmpty();
    await().atMost(Duration.ofSeconds(10)).until(() -> harness.operator().isHealthy());
  }

  private void patchSecret(String mergePatch) {
    harness
        .client()
        .secrets()
        .inNamespace(OperatorHarness.NAMESPACE)
        .withName(OperatorHarness.SECRET)
        .patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
  }
}
