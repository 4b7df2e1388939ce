package io.pcapoperator.app;

import static io.pcapoperator.app.OperatorHarness.readyReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.fabric8.kubernetes.api.model.Event;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.DeletionPolicy;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.simulator.SimulatorStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The operator end to end: the real JOSDK operator, the embedded Kubernetes API and the Cloudflare
 * simulator, asserting what a user sees in {@code kubectl get} and what Cloudflare receives.
 */
class PacketCaptureLifecycleTest {
  private static final String FINALIZER = "packetcaptures.pcap-operator.io/finalizer";

  private OperatorHarness harness;
  private PhaseHistory history;

  @BeforeEach
  void start() {
    harness = OperatorHarness.start();
    history = new PhaseHistory(harness.client());
  }

  @AfterEach
  void stop() {
    history.close();
    harness.close();
  }

  @Test
  void simpleCaptureSucceedsWithItsRemoteStateMirrored() {
    harness.createTokenSecret("dev-token");
    harness.apply(OperatorHarness.simple("sampled"));

    PacketCapture done = harness.awaitPhase("sampled", CapturePhase.Succeeded);

    Pcap remote = harness.simulator.captures().get(0);
    assertThat(harness.simulator.captures()).hasSize(1);
    assertThat(done.getStatus().getId()).isEqualTo(remote.id()).matches("[0-9a-f]{32}");
    assertThat(done.getStatus().getRemoteStatus()).isEqualTo("success");
    assertThat(done.getStatus().getPacketsCaptured()).isEqualTo(100L);
    assertThat(done.getStatus().getSubmitted()).isEqualTo(remote.submitted());
    assertThat(done.getStatus().getObservedGeneration()).isEqualTo(1L);
    assertThat(done.getStatus().getSubmissionStarted()).isNull();
    assertThat(done.getStatus().getSubmissionHash()).matches("[0-9a-f]{16}");
    assertThat(readyReason(done)).isEqualTo("Succeeded");
    assertThat(done.getFinalizers()).as("a simple capture needs no stop").isEmpty();
    assertThat(done.getStatus().getConditions().get(0).getStatus()).isEqualTo("True");
    assertThat(done.getStatus().getConditions().get(0).getObservedGeneration()).isEqualTo(1L);
    assertThat(done.getStatus().getConditions())
        .extracting(c -> c.getType() + "=" + c.getStatus())
        .containsExactly("Ready=True", "Reconciling=False", "Stalled=False");
    assertThat(history.of("sampled"))
        .containsSubsequence(CapturePhase.Submitting, CapturePhase.Succeeded)
        .endsWith(CapturePhase.Succeeded);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(harness.events("sampled"))
                    .extracting(Event::getReason)
                    .contains("Submitted", "Succeeded"));
  }

  @Test
  void fullCaptureRunsConvertsAndSucceedsThenIsNeverPolledAgain() throws InterruptedException {
    harness.createTokenSecret("dev-token");
    harness.apply(OperatorHarness.full("ord", 60));

    PacketCapture done = harness.awaitPhase("ord", CapturePhase.Succeeded);

    assertThat(history.of("ord"))
        .containsSubsequence(
            CapturePhase.Submitting,
            CapturePhase.Running,
            CapturePhase.Converting,
            CapturePhase.Succeeded);
    assertThat(done.getStatus().getRemoteStatus()).isEqualTo("success");
    assertThat(done.getStatus().getPacketsCaptured()).isEqualTo(6000L);
    SimulatorStats.Snapshot atEnd = harness.simulator.stats().snapshot();
    assertThat(atEnd.count("create")).isEqualTo(1);
    // A 60 s capture plus conversion, read at its expected end and while converting.
    assertThat(atEnd.count("get")).isBetween(2L, 8L);

    Thread.sleep(1500); // 150 s of capture time
    assertThat(harness.simulator.stats().snapshot().total()).isEqualTo(atEnd.total());
  }

  @Test
  void remoteFailureEndsFailedWithCloudflaresMessage() {
    harness.simulator.faults().failNextCaptures(1, "No packets matched the filter");
    harness.createTokenSecret("dev-token");
    harness.apply(OperatorHarness.full("nothing-matches", 30));

    PacketCapture failed = harness.awaitPhase("nothing-matches", CapturePhase.Failed);

    assertThat(failed.getStatus().getErrorMessage()).isEqualTo("No packets matched the filter");
    assertThat(failed.getStatus().getRemoteStatus()).isEqualTo("failed");
    assertThat(readyReason(failed)).isEqualTo("Failed");
    assertThat(failed.getStatus().getConditions())
        .extracting(c -> c.getType() + "=" + c.getStatus())
        .containsExactly("Ready=False", "Reconciling=False", "Stalled=True");
    assertThat(failed.getStatus().getConditions().get(0).getMessage())
        .contains("No packets matched the filter");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(harness.events("nothing-matches"))
                    .anyMatch(
                        e -> "Warning".equals(e.getType()) && "Failed".equals(e.getReason())));
  }

  @Test
  void deletingARunningFullCaptureStopsItRemotely() {
    harness.createTokenSecret("dev-token");
    harness.apply(OperatorHarness.full("long-running", 3600));
    assertThat(harness.awaitPhase("long-running", CapturePhase.Running).getFinalizers())
        .containsExactly(FINALIZER);

    harness.client().resource(harness.get("long-running")).delete();

    await().atMost(Duration.ofSeconds(10)).until(() -> harness.get("long-running") == null);
    assertThat(harness.simulator.stats().snapshot().count("stop")).isEqualTo(1);
    assertThat(harness.simulator.captures().get(0).stopRequested()).isNotNull();
  }

  @Test
  void aSimpleCaptureDeletedWhileSubmittingEndsQuietlyNamingItsRemoteId() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    try {
      harness.createTokenSecret("dev-token");
      harness.simulator.faults().latency(Duration.ofSeconds(2));
      harness.apply(OperatorHarness.simple("deleted-early"));
      harness.awaitPhase("deleted-early", CapturePhase.Submitting);

      harness.client().resource(harness.get("deleted-early")).delete();

      // The create was on its way: Cloudflare makes the capture, and its id has nowhere to go.
      await().atMost(Duration.ofSeconds(10)).until(() -> harness.simulator.captures().size() == 1);
      harness.simulator.faults().reset();
      String id = harness.simulator.captures().get(0).id();
      harness.apply(OperatorHarness.simple("next"));
      harness.awaitPhase("next", CapturePhase.Succeeded);
      assertThat(logged(logs))
          .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
          .filteredOn(e -> e.getThrowableProxy() != null)
          .isEmpty();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> logged(logs).stream().anyMatch(e -> e.getFormattedMessage().contains(id)));
      assertThat(logged(logs))
          .filteredOn(e -> e.getFormattedMessage().contains(id))
          .extracting(ILoggingEvent::getLevel)
          .containsExactly(Level.INFO);
    } finally {
      root.detachAppender(logs);
    }
  }

  private static List<ILoggingEvent> logged(ListAppender<ILoggingEvent> logs) {
    synchronized (logs) {
      return List.copyOf(logs.list);
    }
  }

  @Test
  void aCaptureMadeWhileTheOperatorWasAwayLooksBackFromItsCreation() throws InterruptedException {
    harness.createTokenSecret("dev-token");
    harness.stopOperator();
    PacketCapture created = harness.apply(OperatorHarness.simple("made-while-away"));
    Thread.sleep(1000); // the operator is away for 100 s of capture time
    Instant operatorBack = harness.clock.instant();
    harness.startOperator();

    PacketCapture done = harness.awaitPhase("made-while-away", CapturePhase.Succeeded);

    Instant requested = Instant.parse(done.getStatus().getRequestedAt());
    Instant createdAt =
        harness.clock.fromWallClock(Instant.parse(created.getMetadata().getCreationTimestamp()));
    assertThat(Duration.between(createdAt, requested).abs())
        .isLessThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(requested).isBefore(operatorBack.minusSeconds(60));
    assertThat(harness.simulator.captures().get(0).offsetTime())
        .isEqualTo(done.getStatus().getRequestedAt());
  }

  @Test
  void aQueuedCaptureHoldsNoFinalizerAndGoesAtOnceWithoutARemoteCall() {
    harness.createTokenSecret("dev-token");
    harness.apply(OperatorHarness.full("first", 3600));
    harness.awaitPhase("first", CapturePhase.Running);
    harness.apply(OperatorHarness.full("second", 3600));
    PacketCapture queued = harness.awaitPhase("second", CapturePhase.Queued);
    assertThat(queued.getFinalizers()).isEmpty();

    harness.client().resource(queued).delete();

    await().atMost(Duration.ofSeconds(5)).until(() -> harness.get("second") == null);
    assertThat(harness.simulator.stats().snapshot().count("create")).isEqualTo(1);
  }

  @Test
  void syncNowAnnotationReadsTheCaptureAtOnce() {
    try (OperatorHarness realTime = OperatorHarness.start(1)) {
      realTime.createTokenSecret("dev-token");
      // A capture that succeeds first proves the operator has the Secret: its arrival in the
      // cache wakes every capture using it, and would otherwise read "hour-long" on its own.
      realTime.apply(OperatorHarness.simple("warm-up"));
      realTime.awaitPhase("warm-up", CapturePhase.Succeeded);
      realTime.apply(OperatorHarness.full("hour-long", 3600));
      realTime.awaitPhase("hour-long", CapturePhase.Running);
      long reads = realTime.simulator.stats().snapshot().count("get");

      realTime.annotate("hour-long", "pcap-operator.io/sync-now", "1");

      // The next scheduled read is a minute away; the annotation brings it forward.
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(realTime.simulator.stats().snapshot().count("get"))
                      .isEqualTo(reads + 1));
    }
  }

  @Test
  void orphanPolicyLeavesTheCaptureRunning() {
    harness.createTokenSecret("dev-token");
    PacketCapture orphan = OperatorHarness.full("orphaned", 3600);
    orphan.getSpec().setDeletionPolicy(DeletionPolicy.Orphan);
    harness.apply(orphan);
    assertThat(harness.awaitPhase("orphaned", CapturePhase.Running).getFinalizers()).isEmpty();

    harness.client().resource(harness.get("orphaned")).delete();

    await().atMost(Duration.ofSeconds(10)).until(() -> harness.get("orphaned") == null);
    assertThat(harness.simulator.stats().snapshot().count("stop")).isZero();
    assertThat(harness.simulator.captures().get(0).stopRequested()).isNull();
  }

  @Test
  void invalidSpecFailsWithTheFieldNamedAndMakesNoRemoteCall() throws InterruptedException {
    harness.createTokenSecret("dev-token");
    // The API admits what its schema allows; a time in the future only the operator can refuse.
    PacketCapture future = OperatorHarness.simple("future");
    future.getSpec().setOffsetTime("2099-01-01T00:00:00Z");
    harness.apply(future);

    PacketCapture failed = harness.awaitPhase("future", CapturePhase.Failed);

    assertThat(readyReason(failed)).isEqualTo("InvalidSpec");
    assertThat(failed.getStatus().getErrorMessage())
        .isEqualTo("spec.offsetTime: must not be in the future");
    Thread.sleep(500);
    assertThat(harness.simulator.stats().snapshot().total()).isZero();
    assertThat(harness.events("future")).extracting(Event::getReason).contains("InvalidSpec");
  }

  @Test
  void rejectedTokenIsReportedWithoutTheToken() {
    harness.createTokenSecret("wrong-token");
    harness.apply(OperatorHarness.simple("bad-token"));

    PacketCapture pending =
        harness.await(
            "bad-token",
            c -> c.getStatus() != null && "AuthenticationFailed".equals(readyReason(c)),
            Duration.ofSeconds(10));

    assertThat(pending.getStatus().getPhase()).isEqualTo(CapturePhase.Pending);
    assertThat(pending.getStatus().getId()).isNull();
    assertThat(pending.getStatus().getConditions().get(0).getMessage())
        .contains("Authentication error")
        .doesNotContain("wrong-token");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(harness.events("bad-token"))
                    .filteredOn(e -> "AuthenticationFailed".equals(e.getReason()))
                    .singleElement()
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-token")));
  }

  @Test
  void missingSecretWaitsAndProceedsAsSoonAsTheSecretAppears() {
    harness.apply(OperatorHarness.simple("later"));
    PacketCapture waiting =
        harness.await(
            "later",
            c -> c.getStatus() != null && "CredentialsNotFound".equals(readyReason(c)),
            Duration.ofSeconds(10));
    assertThat(waiting.getStatus().getConditions().get(0).getMessage())
        .isEqualTo("Secret cloudflare-api not found in this namespace");
    assertThat(harness.simulator.stats().snapshot().total()).isZero();

    harness.createTokenSecret("dev-token");

    // Well before the 5 min (3 s wall) credentials retry: the Secret's event triggers it.
    harness.await(
        "later", c -> c.getStatus().getPhase() == CapturePhase.Succeeded, Duration.ofMillis(2500));
  }
}
