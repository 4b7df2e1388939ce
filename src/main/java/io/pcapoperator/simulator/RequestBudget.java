package io.pcapoperator.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cloudflare's global limit: so many requests per window per credential; past it, every request of
 * that credential is refused for the lockout time with 429 code 971.
 */
final class RequestBudget {
  /** Cloudflare's code for a throttled client. */
  static final int THROTTLED = 971;

  private final int requests;
  private final Duration window;
  private final Duration lockout;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  RequestBudget(int requests, Duration window, Duration lockout, Clock clock) {
    this.requests = requests;
    this.window = window;
    this.lockout = lockout;
    this.clock = clock;
  }

  /** What is left of a credential's budget after a request, for the {@code Ratelimit} header. */
  record Remaining(int requests, long secondsToReset) {}

  /** Counts one request of {@code credential}; throws the 429 when it is over budget. */
  Remaining charge(String credential) {
    Instant now = clock.instant();
    Window w = windows.computeIfAbsent(credential, k -> new Window(now));
    synchronized (w) {
      if (w.lockedUntil != null) {
        if (now.isBefore(w.lockedUntil)) {
          throw throttled(Duration.between(now, w.lockedUntil));
        }
        w.lockedUntil = null;
        w.reset(now);
      }
      if (!now.isBefore(w.start.plus(window))) {
        w.reset(now);
      }
      w.count++;
      if (w.count > requests) {
        w.lockedUntil = now.plus(lockout);
        throw throttled(lockout);
      }
      long toReset = Math.max(0, Duration.between(now, w.start.plus(window)).toSeconds());
      return new Remaining(requests - w.count, toReset);
    }
  }

  private static SimulatorError throttled(Duration wait) {
    return new SimulatorError(
        429, THROTTLED, "Please wait and consider throttling your request speed", wait);
  }

  private static final class Window {
    private Instant start;
    private int count;
    private Instant lockedUntil;

    private Window(Instant start) {
      this.start = start;
    }

    private void reset(Instant now) {
      start = now;
      count = 0;
    }
  }
}
