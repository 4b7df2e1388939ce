package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A waiting capture's status is written a bounded number of times, however long its account's
 * queue: the queue draining does not rewrite it.
 */
class QueueStatusWritesTest {
  private static final int CAPTURES = 25;

  /**
   * Most status writes of a simple capture that queued: Queued, Submitting, id, terminal, 2 more.
   */
  private static final int MOST_WRITES = 6;

  @Test
  @SuppressWarnings("try") // the resource is held open for the body, not called in it
  void queuedSimpleCapturesAreWrittenAtMostSixTimesEach() {
    // 120 times real time: the 25 minutes of admissions take about 13 seconds.
    try (OperatorHarness harness = OperatorHarness.start(120)) {
      harness.createTokenSecret("dev-token");
      StatusWrites writes = new StatusWrites();
      try (Watch watch =
          harness
              .client()
              .resources(PacketCapture.class)
              .inNamespace(OperatorHarness.NAMESPACE)
              .watch(writes)) {
        for (int i = 0; i < CAPTURES; i++) {
          harness.apply(OperatorHarness.simple(String.format("queued-%03d", i)));
        }
        // Every capture succeeded, as the watch saw it: the watch has every write before it.
        await()
            .atMost(Duration.ofSeconds(120))
            .until(
                () ->
                    writes.lastPhase.size() == CAPTURES
                        && writes.lastPhase.values().stream()
                            .allMatch(phase -> phase == CapturePhase.Succeeded));
      }
      // Most captures queued, and each said when it would start.
      assertThat(writes.queued).hasSizeGreaterThan(CAPTURES / 2).doesNotContainValue(false);
      assertThat(writes.count)
          .hasSize(CAPTURES)
          .allSatisfy((name, count) -> assertThat(count).as(name).isLessThanOrEqualTo(MOST_WRITES));
    }
  }

  /** Counts, per capture, the watch's MODIFIED events whose status differs from the last one. */
  private static final class StatusWrites implements Watcher<PacketCapture> {
    private final Map<String, String> lastStatus = new ConcurrentHashMap<>();
    private final Map<String, Integer> count = new ConcurrentHashMap<>();
    private final Map<String, CapturePhase> lastPhase = new ConcurrentHashMap<>();
    private final Map<String, Boolean> queued = new ConcurrentHashMap<>();

    @Override
    public void eventReceived(Action action, PacketCapture capture) {
      String name = capture.getMetadata().getName();
      String status = Serialization.asJson(capture.getStatus());
      String before = lastStatus.put(name, status);
      if (action == Action.MODIFIED && !status.equals(before)) {
        count.merge(name, 1, Integer::sum);
      }
      if (capture.getStatus() != null) {
        lastPhase.put(name, capture.getStatus().getPhase());
        if (capture.getStatus().getPhase() == CapturePhase.Queued) {
          queued.put(
              name,
              capture.getStatus().getQueue() != null
                  && capture.getStatus().getQueue().getNotBefore() != null);
        }
      }
    }

    @Override
    public void onClose(WatcherException cause) {}
  }
}
