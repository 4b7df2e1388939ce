package io.pcapoperator.cloudflare;

import java.time.Duration;

/**
 * Jittered exponential backoff: {@code base}, 2×{@code base}, 4×{@code base}… up to {@code max},
 * less up to a quarter, so that many callers do not retry in step. The one formula behind the
 * client's in-line retries and the reconciler's requeues.
 *
 * @param base the wait before the first retry
 * @param max the longest wait
 */
public record Backoff(Duration base, Duration max) {

  /**
   * The wait before attempt {@code attempt} after the first (1 for the first retry), given {@code
   * random} in [0, 1) for the jitter.
   */
  public Duration delay(int attempt, double random) {
    long factor = 1L << Math.min(Math.max(attempt, 1) - 1, 30);
    Duration wait = base.multipliedBy(factor);
    if (wait.compareTo(max) > 0 || wait.isNegative()) {
      wait = max;
    }
    return Duration.ofMillis((long) (wait.toMillis() * (1 - 0.25 * random)));
  }
}
