package io.pcapoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcapoperator.cloudflare.Credentials;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CredentialsBackoffTest {
  private static final Credentials WRONG = new Credentials.ApiToken("wrong-token");
  private final CredentialsBackoff backoff =
      new CredentialsBackoff(Duration.ofSeconds(5), Duration.ofMinutes(5));

  @Test
  void rejectionsWaitFromSecondsDoublingToTheCredentialsRetry() {
    assertThat(backoff.next("uid", WRONG)).isBetween(seconds(3.75), seconds(5));
    assertThat(backoff.next("uid", WRONG)).isBetween(seconds(7.5), seconds(10));
    assertThat(backoff.next("uid", WRONG)).isBetween(seconds(15), seconds(20));
    for (int i = 0; i < 10; i++) {
      backoff.next("uid", WRONG);
    }
    assertThat(backoff.next("uid", WRONG)).isBetween(seconds(225), seconds(300));
  }

  @Test
  void newCredentialsOrASuccessStartFromTheFirstWait() {
    for (int i = 0; i < 5; i++) {
      backoff.next("uid", WRONG);
    }
    assertThat(backoff.next("uid", new Credentials.ApiToken("another")))
        .isBetween(seconds(3.75), seconds(5));

    backoff.next("uid", WRONG);
    backoff.next("uid", WRONG);
    backoff.reset("uid");
    assertThat(backoff.next("uid", WRONG)).isBetween(seconds(3.75), seconds(5));
  }

  private static Duration seconds(double seconds) {
    return Duration.ofMillis((long) (seconds * 1000));
  }
}
