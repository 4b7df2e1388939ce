package io.pcapoperator.cloudflare;

import java.time.Duration;

/** Told of every HTTP exchange with the API, for metrics. Must be fast and must not throw. */
@FunctionalInterface
public interface RequestListener {
  /**
   * One attempt ended.
   *
   * @param endpoint the operation, e.g. {@code create}, {@code get}
   * @param status the HTTP status, or 0 when no response arrived
   * @param latency how long the attempt took
   */
  void onAttempt(String endpoint, int status, Duration latency);

  /** A listener that does nothing. */
  static RequestListener none() {
    return (endpoint, status, latency) -> {};
  }
}
