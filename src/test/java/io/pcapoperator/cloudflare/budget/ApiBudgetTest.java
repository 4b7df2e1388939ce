package io.pcapoperator.cloudflare.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pcapoperator.cloudflare.ApiError;
import io.pcapoperator.cloudflare.Credentials;
import io.pcapoperator.cloudflare.Ownership;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapRequest;
import io.pcapoperator.cloudflare.PcapsApi;
import io.pcapoperator.cloudflare.RetryableApiException;
import io.pcapoperator.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ApiBudgetTest {
  private static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
  private static final Credentials TOKEN = new Credentials.ApiToken("a");
  private static final Credentials OTHER = new Credentials.ApiToken("b");

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T08:00:00Z"));

  @Test
  void neverAllowsMoreThanTheBudgetLessHeadroomInAnyWindow() {
    ApiBudget budget = ApiBudget.cloudflareDefault(clock);
    int granted = 0;
    // Ask every 100 ms for 5 minutes: a tight loop of an operator gone wrong.
    for (int tick = 0; tick < 3000; tick++) {
      while (budget.tryAcquire("t", ApiBudget.Use.ANY).isEmpty()) {
        granted++;
      }
      clock.advance(Duration.ofMillis(100));
    }
    assertThat(granted).isBetween(1000, 1080);
  }

  @Test
  void tellsHowLongUntilTheNextRequestAndKeepsCredentialsApart() {
    ApiBudget budget = new ApiBudget(100, Duration.ofSeconds(81), clock);
    for (int i = 0; i < 9; i++) {
      assertThat(budget.tryAcquire("t", ApiBudget.Use.ANY)).isEmpty();
    }
    Optional<Duration> wait = budget.tryAcquire("t", ApiBudget.Use.ANY);
    assertThat(wait).hasValueSatisfying(d -> assertThat(d).isEqualTo(Duration.ofSeconds(1)));
    assertThat(budget.tryAcquire("other", ApiBudget.Use.ANY)).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(budget.tryAcquire("t", ApiBudget.Use.ANY)).isEmpty();
  }

  @Test
  void createsAndListsLeaveHalfTheBurstToReadsAndStops() {
    // 100 requests less a tenth of headroom: a burst of 9, refilled at one a second.
    ApiBudget budget = new ApiBudget(100, Duration.ofSeconds(81), clock);
    int creates = 0;
    assertThat(budget.wait("t", ApiBudget.Use.SPARE)).as("asking spends nothing").isEmpty();
    while (budget.tryAcquire("t", ApiBudget.Use.SPARE).isEmpty()) {
      creates++;
    }
    int reads = 0;
    while (budget.tryAcquire("t", ApiBudget.Use.ANY).isEmpty()) {
      reads++;
    }
    assertThat(creates).isEqualTo(5);
    assertThat(reads).isEqualTo(4);
    assertThat(budget.wait("t", ApiBudget.Use.SPARE))
        .hasValueSatisfying(d -> assertThat(d).isEqualTo(Duration.ofSeconds(5)));
    assertThat(budget.tryAcquire("t", ApiBudget.Use.SPARE))
        .hasValueSatisfying(d -> assertThat(d).isEqualTo(Duration.ofSeconds(5)));
  }

  @Test
  void aRemote429PausesEveryCallOfThatCredential() {
    AtomicInteger calls = new AtomicInteger();
    PcapsApi remote =
        new PcapsApi() {
          @Override
          public Pcap create(Credentials c, String a, PcapRequest r) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Pcap get(Credentials c, String a, String id) {
            if (calls.incrementAndGet() == 1) {
              throw new RetryableApiException(
                  "get", 429, List.of(new ApiError(971, "wait")), Duration.ofSeconds(30), null);
            }
            return null;
          }

          @Override
          public List<Pcap> list(Credentials c, String a) {
            calls.incrementAndGet();
            return List.of();
          }

          @Override
          public void stop(Credentials c, String a, String id) {}

          @Override
          public byte[] download(Credentials c, String a, String id) {
            return new byte[0];
          }

          @Override
          public Ownership createOwnership(Credentials c, String a, String bucket) {
            throw new UnsupportedOperationException();
          }

          @Override
          public List<Ownership> listOwnerships(Credentials c, String a) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Ownership validateOwnership(
              Credentials c, String a, String bucket, String challenge) {
            throw new UnsupportedOperationException();
          }

          @Override
          public void deleteOwnership(Credentials c, String a, String id) {
            throw new UnsupportedOperationException();
          }
        };
    BudgetedPcapsApi api = new BudgetedPcapsApi(remote, ApiBudget.cloudflareDefault(clock));

    catchThrowableOfType(RetryableApiException.class, () -> api.get(TOKEN, ACCOUNT, "x"));
    BudgetHeldException held =
        catchThrowableOfType(BudgetHeldException.class, () -> api.list(TOKEN, ACCOUNT));

    assertThat(held.held()).isEqualTo(Duration.ofSeconds(30));
    assertThat(calls).hasValue(1);
    assertThat(api.list(OTHER, ACCOUNT)).isEmpty();
    clock.advance(Duration.ofSeconds(30));
    assertThat(api.list(TOKEN, ACCOUNT)).isEmpty();
    assertThat(calls).hasValue(3);
  }
}
