package io.pcapoperator.cloudflare.budget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The remote request budget of each credential, shared by every call the operator makes with it: a
 * token bucket whose burst plus refill over a window never exceeds the budget (less a tenth of
 * headroom), and a pause until {@code retry-after} once Cloudflare answers 429. Cloudflare locks a
 * token out for five minutes past 1200 requests in five minutes; this keeps the operator under it.
 */
public final class ApiBudget {
  private static final double HEADROOM = 0.9;

  private final double burst;
  private final double refillPerSecond;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param requests requests Cloudflare allows per {@code window} (1200 per 5 minutes), or this
   *     operator's share of them when shards share a token
   * @param window Cloudflare's window
   * @param clock the capture clock
   */
  public ApiBudget(int requests, Duration window, Clock clock) {
    double usable = Math.floor(requests * HEADROOM);
    this.burst = Math.max(1, Math.floor(usable / 10));
    this.refillPerSecond = (usable - burst) / window.toSeconds();
    this.clock = clock;
  }

  /** Cloudflare's documented budget: 1200 requests per 5 minutes per token. */
  public static ApiBudget cloudflareDefault(Clock clock) {
    return new ApiBudget(1200, Duration.ofMinutes(5), clock);
  }

  /** Which part of the budget a call may spend. */
  public enum Use {
    /** Any token: reads and stops, which keep statuses fresh and captures stoppable. */
    ANY,
    /** Only tokens beyond half the burst: creates and lists, which can wait. */
    SPARE
  }

  /**
   * Takes one request from {@code credential}'s budget as {@code use} allows; when it may not,
   * tells how long until it may.
   */
  public Optional<Duration> tryAcquire(String credential, Use use) {
    return take(credential, use, true);
  }

  /** How long until {@code use} may spend from {@code credential}'s budget; spends nothing. */
  public Optional<Duration> wait(String credential, Use use) {
    return take(credential, use, false);
  }

  private Optional<Duration> take(String credential, Use use, boolean spend) {
    Bucket bucket = buckets.computeIfAbsent(credential, k -> new Bucket(burst, clock.instant()));
    synchronized (bucket) {
      Instant now = clock.instant();
      if (bucket.pausedUntil != null && now.isBefore(bucket.pausedUntil)) {
        return Optional.of(Duration.between(now, bucket.pausedUntil));
      }
      bucket.refill(now, burst, refillPerSecond);
      double floor = use == Use.SPARE ? Math.floor(burst / 2) : 0;
      if (bucket.tokens - floor >= 1) {
        if (spend) {
          bucket.tokens -= 1;
        }
        return Optional.empty();
      }
      double seconds = (floor + 1 - bucket.tokens) / refillPerSecond;
      return Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
    }
  }

  /** Cloudflare answered 429: nothing is sent with {@code credential} for {@code wait}. */
  public void pause(String credential, Duration wait) {
    Bucket bucket = buckets.computeIfAbsent(credential, k -> new Bucket(burst, clock.instant()));
    synchronized (bucket) {
      Instant until = clock.instant().plus(wait);
      if (bucket.pausedUntil == null || until.isAfter(bucket.pausedUntil)) {
        bucket.pausedUntil = until;
      }
    }
  }

  /** The fewest whole requests left to any credential, for a gauge; the burst when none is used. */
  public double remaining() {
    Instant now = clock.instant();
    return buckets.values().stream()
        .mapToDouble(
            b -> {
              synchronized (b) {
                b.refill(now, burst, refillPerSecond);
                return Math.floor(b.tokens);
              }
            })
        .min()
        .orElse(burst);
  }

  private static final class Bucket {
    private double tokens;
    private Instant updated;
    private Instant pausedUntil;

    private Bucket(double tokens, Instant updated) {
      this.tokens = tokens;
      this.updated = updated;
    }

    private void refill(Instant now, double burst, double perSecond) {
      double elapsed = Math.max(0, Duration.between(updated, now).toNanos() / 1e9);
      tokens = Math.min(burst, tokens + elapsed * perSecond);
      updated = now;
    }
  }
}
