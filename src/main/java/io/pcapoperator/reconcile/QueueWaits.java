package io.pcapoperator.reconcile;

import java.time.Duration;

/** Told how long each admitted capture waited for its account, for metrics. */
@FunctionalInterface
public interface QueueWaits {
  /** A capture was admitted after waiting {@code waited} (capture-clock time). */
  void admitted(Duration waited);

  /** Records nothing. */
  static QueueWaits none() {
    return waited -> {};
  }
}
