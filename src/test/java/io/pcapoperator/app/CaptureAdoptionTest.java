package io.pcapoperator.app;

import static io.pcapoperator.app.OperatorHarness.readyReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.DeletionPolicy;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureSpec;
import io.pcapoperator.api.v1alpha1.SecretReference;
import io.pcapoperator.cloudflare.Credentials;
import io.pcapoperator.cloudflare.HttpPcapsApi;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.reconcile.CaptureRequests;
import io.pcapoperator.testing.Specs;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A PacketCapture with {@code spec.captureId} adopts a capture made elsewhere (the dashboard, the
 * API): it mirrors it and makes none, refuses an id that does not exist or that another resource
 * holds, and stops it on deletion only when its policy says Stop.
 */
@ExtendWith(RunningOperator.class)
class CaptureAdoptionTest {

  private static Pcap madeElsewhere(OperatorHarness harness, PacketCaptureSpec spec) {
    return api(harness)
        .create(
            new Credentials.ApiToken("dev-token"),
            OperatorHarness.ACCOUNT,
            CaptureRequests.toRequest(spec));
  }

  private static PacketCapture adopting(String name, String id) {
    PacketCaptureSpec spec = new PacketCaptureSpec();
    spec.setAccountId(OperatorHarness.ACCOUNT);
    spec.setCredentialsSecretRef(new SecretReference(OperatorHarness.SECRET));
    spec.setCaptureId(id);
    PacketCapture capture = new PacketCapture();
    capture.getMetadata().setName(name);
    capture.getMetadata().setNamespace(OperatorHarness.NAMESPACE);
    capture.setSpec(spec);
    return capture;
  }

  private static long creates(OperatorHarness harness) {
    return harness.simulator.stats().snapshot().count("create");
  }

  @Test
  void anAdoptedCaptureIsMirroredToItsEndWithoutACreate(OperatorHarness harness) {
    Pcap remote = madeElsewhere(harness, Specs.simple());
    long createsBefore = creates(harness);

    harness.apply(adopting("adopted", remote.id()));
    PacketCapture done = harness.awaitPhase("adopted", CapturePhase.Succeeded);

    assertThat(creates(harness)).isEqualTo(createsBefore);
    assertThat(done.getStatus().getId()).isEqualTo(remote.id());
    assertThat(done.getStatus().getAdopted()).isTrue();
    assertThat(done.getStatus().getRequest().getPacketLimit())
        .isEqualTo(Specs.simple().getPacketLimit());
    assertThat(done.getStatus().getConditions())
        .noneMatch(c -> "SpecMatchesRequest".equals(c.getType()));
  }

  @Test
  void anIdThatDoesNotExistOrIsHeldElsewhereIsRefusedWithACondition(OperatorHarness harness) {
    harness.apply(adopting("nowhere", "0123456789abcdef0123456789abcdef"));
    PacketCapture missing = harness.awaitPhase("nowhere", CapturePhase.Failed);
    assertThat(readyReason(missing)).isEqualTo("CaptureNotFound");
    assertThat(missing.getStatus().getErrorMessage()).contains("spec.captureId");

    harness.apply(OperatorHarness.simple("owner"));
    String held =
        harness
            .await(
                "owner",
                c -> c.getStatus() != null && c.getStatus().getId() != null,
                Duration.ofSeconds(20))
            .getStatus()
            .getId();
    long createsBefore = creates(harness);
    harness.apply(adopting("second", held));
    PacketCapture refused = harness.awaitPhase("second", CapturePhase.Failed);
    assertThat(readyReason(refused)).isEqualTo("CaptureIdInUse");
    assertThat(refused.getStatus().getErrorMessage()).contains("netops/owner");
    assertThat(creates(harness)).isEqualTo(createsBefore);
  }

  @Test
  void anAdoptedFullCaptureIsStoppedOnDeletionOnlyWithPolicyStop(OperatorHarness harness) {
    Pcap orphaned = madeElsewhere(harness, Specs.full(3600));
    harness.apply(adopting("left-running", orphaned.id()));
    harness.awaitPhase("left-running", CapturePhase.Running);
    deleteAndAwaitGone(harness, "left-running");
    assertThat(remote(harness, orphaned.id()).stopRequested()).isNull();
    api(harness)
        .stop(new Credentials.ApiToken("dev-token"), OperatorHarness.ACCOUNT, orphaned.id());

    Pcap stopped = madeElsewhere(harness, Specs.full(3600));
    PacketCapture withStop = adopting("stopped-on-delete", stopped.id());
    withStop.getSpec().setDeletionPolicy(DeletionPolicy.Stop);
    harness.apply(withStop);
    harness.awaitPhase("stopped-on-delete", CapturePhase.Running);
    deleteAndAwaitGone(harness, "stopped-on-delete");
    assertThat(remote(harness, stopped.id()).stopRequested()).isNotNull();
  }

  private static HttpPcapsApi api(OperatorHarness harness) {
    return HttpPcapsApi.withDefaults(harness.simulator.baseUrl());
  }

  private static Pcap remote(OperatorHarness harness, String id) {
    return harness.simulator.captures().stream()
        .filter(p -> p.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static void deleteAndAwaitGone(OperatorHarness harness, String name) {
    harness.client().resource(harness.get(name)).delete();
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> harness.get(name) == null);
  }
}
