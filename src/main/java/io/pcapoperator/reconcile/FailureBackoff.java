package io.pcapoperator.reconcile;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff per resource for transient remote failures: base, 2×base, 4×base… up to a
 * cap, less up to a quarter of jitter so that many resources do not retry in step. Kept in memory:
 * a restart simply starts the count again.
 */
final class FailureBackoff {
  private final Duration base;
  private final Duration max;
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  FailureBackoff(Duration base, Duration max) {
    this.base = base;
    this.max = max;
  }

  /** Counts one more failure of {@code key} and returns how long to wait before trying again. */
  Duration next(String key) {
    int count = failures.merge(key, 1, Integer::sum);
    long factor = 1L << Math.min(count - 1, 20);
    Duration wait = base.multipliedBy(factor);
    if (wait.compareTo(max) > 0) {
      wait = max;
    }
    double jitter = 1 - 0.25 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis((long) (wait.toMillis() * jitter));
  }

  /** How many failures in a row {@code key} has had. */
  int failures(String key) {
    return failures.getOrDefault(key, 0);
  }

  /** Forgets {@code key}'s failures after a success or when the resource is gone. */
  void reset(String key) {
    failures.remove(key);
  }
}
