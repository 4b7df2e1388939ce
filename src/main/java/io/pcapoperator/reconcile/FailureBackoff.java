package io.pcapoperator.reconcile;

import io.pcapoperator.cloudflare.Backoff;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff per resource for transient remote failures ({@link Backoff}: base, 2×base,
 * 4×base… up to a cap, less up to a quarter of jitter). Kept in memory: a restart simply starts the
 * count again.
 */
public final class FailureBackoff {
  private final Backoff backoff;
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  /** A backoff from {@code base} doubling up to {@code max}. */
  public FailureBackoff(Duration base, Duration max) {
    this.backoff = new Backoff(base, max);
  }

  /** Counts one more failure of {@code key} and returns how long to wait before trying again. */
  public Duration next(String key) {
    int count = failures.merge(key, 1, Integer::sum);
    return backoff.delay(count, ThreadLocalRandom.current().nextDouble());
  }

  /** How many failures in a row {@code key} has had. */
  public int failures(String key) {
    return failures.getOrDefault(key, 0);
  }

  /** Forgets {@code key}'s failures after a success or when the resource is gone. */
  public void reset(String key) {
    failures.remove(key);
  }
}
