package io.pcapoperator.reconcile.bucket;

import java.time.Duration;
import java.time.Instant;

/**
 * When to read a record that Cloudflare is validating: after as long as the validation has taken so
 * far (so reads thin out), no sooner than the first poll and no later than the longest.
 */
final class ValidationPolls {
  private final Duration first;
  private final Duration max;

  ValidationPolls(Duration first, Duration max) {
    this.first = first;
    this.max = max;
  }

  /** The first read after the challenge was sent. */
  Duration first() {
    return first;
  }

  /** The wait before the next read of a validation sent at {@code sentAt}. */
  Duration next(Instant sentAt, Instant now) {
    Duration elapsed = Duration.between(sentAt, now);
    if (elapsed.compareTo(first) < 0) {
      return first;
    }
    return elapsed.compareTo(max) > 0 ? max : elapsed;
  }
}
