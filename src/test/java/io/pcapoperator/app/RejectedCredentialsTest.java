package io.pcapoperator.app;

import static io.pcapoperator.app.OperatorHarness.readyReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Captures whose token Cloudflare rejects (403, code 10000): each keeps one AuthenticationFailed
 * Event that counts the rejections, retries back off from seconds towards the credentials retry,
 * and a fixed Secret is tried at once whatever the backoff.
 */
class RejectedCredentialsTest {
  private static final String REJECTED = "Cloudflare rejected the credentials";

  @Test
  void eachRejectedCaptureKeepsOneAuthenticationFailedEventThatCounts() {
    try (OperatorHarness harness = OperatorHarness.start()) {
      harness.createTokenSecret("wrong-token");
      List<String> names = IntStream.range(0, 3).mapToObj(i -> "rejected-" + i).toList();
      for (int i = 0; i < names.size(); i++) {
        PacketCapture capture = OperatorHarness.simple(names.get(i));
        capture.getSpec().setAccountId(String.format("%032x", 0xbad000 + i));
        harness.apply(capture);
      }

      // Before, each rejection made an Event of its own, with count 1.
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () ->
                  assertThat(names)
                      .allSatisfy(
                          name ->
                              assertThat(authenticationFailed(harness, name))
                                  .singleElement()
                                  .satisfies(
                                      e -> assertThat(e.getCount()).isGreaterThanOrEqualTo(3))
                                  .satisfies(
                                      e -> assertThat(e.getMessage()).startsWith(REJECTED))));
      assertThat(harness.simulator.stats().snapshot().status(403)).isGreaterThanOrEqualTo(9);
    }
  }

  @Test
  void retriesOfARejectedTokenBackOff() {
    // 20 times real time: the first retry comes after a quarter of a second, the old one after 15.
    try (OperatorHarness harness = OperatorHarness.start(20)) {
      harness.apply(OperatorHarness.simple("backing-off"));
      createRejectedSecretOnceAwaited(harness, "backing-off");
      RejectionTimes rejections = new RejectionTimes(harness);

      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(10))
          .until(
              () -> {
                rejections.sample();
                List<Long> gaps = rejections.gapsMillis();
                return gaps.size() >= 3 && gaps.get(gaps.size() - 1) >= 4 * gaps.get(0);
              });
    }
  }

  @Test
  void aFixedTokenIsTriedAtOnceHoweverLongTheBackoff() {
    // 10 times real time: after six rejections the next try is 12 to 16 s away; the old fixed
    // retry was 30 s, so six rejections took two and a half minutes.
    try (OperatorHarness harness = OperatorHarness.start(10)) {
      harness.apply(OperatorHarness.simple("fixed"));
      createRejectedSecretOnceAwaited(harness, "fixed");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> harness.simulator.stats().snapshot().status(403) >= 6);

      harness
          .client()
          .secrets()
          .inNamespace(OperatorHarness.NAMESPACE)
          .withName(OperatorHarness.SECRET)
          .edit(
              s ->
                  new SecretBuilder(s)
                      .withData(null)
                      .withStringData(Map.of("apiToken", "dev-token"))
                      .build());

      PacketCapture submitted =
          harness.await(
              "fixed", c -> c.getStatus() != null && c.getStatus().getId() != null, seconds(8));
      assertThat(submitted.getStatus().getId()).isEqualTo(harness.simulator.captures().get(0).id());
      harness.await("fixed", c -> c.getStatus().getPhase() == CapturePhase.Succeeded, seconds(20));
    }
  }

  /**
   * Once {@code name} waits for its Secret, creates the Secret with a rejected token: the Secret's
   * event is then the capture's only wake-up, and the first rejection is the one it causes.
   */
  private static void createRejectedSecretOnceAwaited(OperatorHarness harness, String name) {
    harness.await(
        name,
        c -> c.getStatus() != null && "CredentialsNotFound".equals(readyReason(c)),
        seconds(10));
    harness.createTokenSecret("wrong-token");
  }

  private static List<Event> authenticationFailed(OperatorHarness harness, String name) {
    return harness.events(name).stream()
        .filter(e -> "AuthenticationFailed".equals(e.getReason()))
        .toList();
  }

  private static Duration seconds(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  /** When the simulator's count of 403 answers rose, as seen by sampling it. */
  private static final class RejectionTimes {
    private final OperatorHarness harness;
    private final List<Long> times = new ArrayList<>();
    private long seen;

    RejectionTimes(OperatorHarness harness) {
      this.harness = harness;
    }

    void sample() {
      long now = System.nanoTime();
      long count = harness.simulator.stats().snapshot().status(403);
      if (count > seen) {
        seen = count;
        times.add(now);
      }
    }

    /** The wall-clock milliseconds between successive rises. */
    List<Long> gapsMillis() {
      return IntStream.range(1, times.size())
          .mapToObj(i -> (times.get(i) - times.get(i - 1)) / 1_000_000)
          .toList();
    }
  }
}
