package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.devcluster.EmbeddedKubernetes;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A capture follows the request it sent: the API server refuses to remove the spec, and where a
 * looser CRD lets the spec be swapped, sync and the stop on deletion still act on the recorded
 * request, and a condition tells the user.
 */
@ExtendWith(RunningOperator.class)
class SubmittedRequestTest {

  @Test
  void theApiServerRefusesToRemoveTheSpec(OperatorHarness harness) {
    harness.apply(OperatorHarness.full("keeps-spec", 3600));
    harness.awaitPhase("keeps-spec", CapturePhase.Running);

    assertThatThrownBy(
            () ->
                patch(
                    harness,
                    "keeps-spec",
                    PatchType.JSON,
                    "[{\"op\":\"remove\",\"path\":\"/spec\"}]"))
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(422);
              assertThat(e.getMessage()).contains("spec", "Required value");
            });
    assertThatThrownBy(() -> patch(harness, "keeps-spec", PatchType.JSON_MERGE, "{\"spec\":null}"))
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(422));
    assertThat(harness.get("keeps-spec").getSpec().getType()).isEqualTo(CaptureType.FULL);
  }

  @Test
  void aSpecSwappedAfterSubmissionStillStopsTheFullCaptureThatWasSent(OperatorHarness harness) {
    loosenCrd(harness);
    harness.apply(OperatorHarness.full("swapped", 3600));
    PacketCapture running = harness.awaitPhase("swapped", CapturePhase.Running);
    assertThat(running.getStatus().getRequest().getType()).isEqualTo(CaptureType.FULL);
    assertThat(running.getStatus().getRequest().getAccountId()).isEqualTo(OperatorHarness.ACCOUNT);

    patch(harness, "swapped", PatchType.JSON, "[{\"op\":\"remove\",\"path\":\"/spec\"}]");
    patch(
        harness,
        "swapped",
        PatchType.JSON_MERGE,
        "{\"spec\":{\"accountId\":\"0123456789abcdef0123456789abcdef\","
            + "\"credentialsSecretRef\":{\"name\":\"cloudflare-api\"},"
            + "\"type\":\"simple\",\"timeLimit\":10,\"packetLimit\":10}}");

    PacketCapture drifted =
        harness.await(
            "swapped",
            c ->
                c.getStatus().getConditions().stream()
                    .anyMatch(
                        cond ->
                            "SpecMatchesRequest".equals(cond.getType())
                                && "False".equals(cond.getStatus())),
            Duration.ofSeconds(10));
    assertThat(drifted.getStatus().getRequest().getType()).isEqualTo(CaptureType.FULL);
    assertThat(drifted.getStatus().getPhase()).isEqualTo(CapturePhase.Running);

    harness.client().resource(harness.get("swapped")).delete();

    await().atMost(Duration.ofSeconds(10)).until(() -> harness.get("swapped") == null);
    assertThat(harness.simulator.captures())
        .singleElement()
        .satisfies(p -> assertThat(p.stopRequested()).isNotNull());
    assertThat(harness.simulator.stats().snapshot().count("create")).isEqualTo(1);
  }

  private static void patch(OperatorHarness harness, String name, PatchType type, String body) {
    harness
        .client()
        .resources(PacketCapture.class)
        .inNamespace(OperatorHarness.NAMESPACE)
        .withName(name)
        .patch(PatchContext.of(type), body);
  }

  /**
   * Installs the CRD as an older release or a hand-edited copy might have it: no required spec and
   * no CEL rules, so the API server lets the spec go and come back as another request.
   */
  private static void loosenCrd(OperatorHarness harness) {
    CustomResourceDefinition crd = EmbeddedKubernetes.loadCrd();
    JSONSchemaProps root = crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
    root.setRequired(null);
    root.getProperties().get("spec").setXKubernetesValidations(null);
    harness.client().resource(crd).update();
  }
}
