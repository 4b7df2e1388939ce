package io.pcapoperator.cloudflare;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How often and how long {@link HttpPcapsApi} retries a call that may pass: jittered exponential
 * backoff (base·2ⁿ, capped, less up to a quarter), or the server's {@code retry-after} when it is
 * short enough to wait for in-line. A longer {@code retry-after} ends the call at once so that the
 * caller (the reconciler) can requeue instead of holding a thread.
 *
 * @param maxRetries retries after the first attempt; cloudflare-go retries 10 times, the operator
 *     fewer because its own requeue loop takes over
 * @param baseDelay wait before the first retry
 * @param maxDelay longest wait between two attempts
 * @param maxRetryAfter longest {@code retry-after} to wait for in-line
 */
public record RetryPolicy(
    int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

  /** The operator's defaults: 3 retries from 500 ms, capped at 8 s; waits up to 10 s in-line. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        3, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(10));
  }

  /** No retries at all. */
  public static RetryPolicy none() {
    return new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  /**
   * The wait before retry number {@code retry} (1 for the first), or empty when the call should end
   * now: retries are used up, or the server asked for a longer wait than {@link #maxRetryAfter}.
   */
  public Optional<Duration> delayBefore(
      int retry, Optional<Duration> retryAfter, DoubleSupplier random) {
    if (retry > maxRetries) {
      return Optional.empty();
    }
    if (retryAfter.isPresent()) {
      Duration asked = retryAfter.get();
      return asked.compareTo(maxRetryAfter) <= 0 ? Optional.of(asked) : Optional.empty();
    }
    return Optional.of(new Backoff(baseDelay, maxDelay).delay(retry, random.getAsDouble()));
  }
}
