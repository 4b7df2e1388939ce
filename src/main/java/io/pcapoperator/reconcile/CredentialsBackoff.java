package io.pcapoperator.reconcile;

import io.pcapoperator.cloudflare.Credentials;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long a resource whose credentials Cloudflare rejected waits before trying them again: from
 * seconds, doubling, up to a quarter of an hour. New credentials start again from the first wait (a
 * change to the Secret itself is tried at once, through the Secret's event). Only the credentials'
 * non-secret fingerprint is kept.
 */
final class CredentialsBackoff {
  private final FailureBackoff backoff;
  private final Map<String, String> rejected = new ConcurrentHashMap<>();

  CredentialsBackoff(Duration first, Duration max) {
    this.backoff = new FailureBackoff(first, max);
  }

  /** Counts one more rejection of {@code credentials} for {@code key}; returns the wait. */
  Duration next(String key, Credentials credentials) {
    if (!credentials.fingerprint().equals(rejected.put(key, credentials.fingerprint()))) {
      backoff.reset(key);
    }
    return backoff.next(key);
  }

  /** Forgets {@code key}'s rejections once a call succeeds. */
  void reset(String key) {
    rejected.remove(key);
    backoff.reset(key);
  }
}
