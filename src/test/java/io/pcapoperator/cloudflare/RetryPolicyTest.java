package io.pcapoperator.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(60));

  @Test
  void backoffDoublesUpToTheCap() {
    assertThat(policy.delayBefore(1, Optional.empty(), () -> 0)).contains(Duration.ofSeconds(1));
    assertThat(policy.delayBefore(2, Optional.empty(), () -> 0)).contains(Duration.ofSeconds(2));
    assertThat(policy.delayBefore(3, Optional.empty(), () -> 0)).contains(Duration.ofSeconds(4));
    assertThat(policy.delayBefore(4, Optional.empty(), () -> 0)).contains(Duration.ofSeconds(8));
    assertThat(policy.delayBefore(5, Optional.empty(), () -> 0)).contains(Duration.ofSeconds(8));
  }

  @Test
  void jitterTakesOffAtMostAQuarter() {
    assertThat(policy.delayBefore(3, Optional.empty(), () -> 0.999))
        .hasValueSatisfying(
            d -> assertThat(d).isBetween(Duration.ofMillis(3000), Duration.ofMillis(3010)));
  }

  @Test
  void stopsAfterTheLastRetry() {
    assertThat(policy.delayBefore(6, Optional.empty(), () -> 0)).isEmpty();
    assertThat(RetryPolicy.none().delayBefore(1, Optional.empty(), () -> 0)).isEmpty();
  }

  @Test
  void honoursRetryAfterUpToTheInlineLimit() {
    assertThat(policy.delayBefore(1, Optional.of(Duration.ofSeconds(30)), () -> 0.5))
        .contains(Duration.ofSeconds(30));
    assertThat(policy.delayBefore(1, Optional.of(Duration.ofSeconds(61)), () -> 0.5)).isEmpty();
  }
}
