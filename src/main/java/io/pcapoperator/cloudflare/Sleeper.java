package io.pcapoperator.cloudflare;

import java.time.Duration;

/** Waits between attempts; tests and the scaled dev clock supply their own. */
@FunctionalInterface
public interface Sleeper {
  /** Blocks for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** Sleeps on the wall clock. */
  static Sleeper real() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
