package io.pcapoperator.reconcile.bucket;

import io.pcapoperator.reconcile.ReconcilerSettings;
import java.time.Duration;

/**
 * How patient the PcapBucket controller is, in the capture clock's time.
 *
 * @param firstPoll first read of the record after the challenge was sent; each read waits as long
 *     as the validation has taken so far, up to {@code maxPoll}
 * @param maxPoll longest wait between reads while Cloudflare validates
 * @param failedRetry wait after a failed validation before the same challenge is sent again (a new
 *     spec.challenge.value is sent at once)
 * @param credentialsRetry wait before reading a missing credentials Secret again (a change to the
 *     Secret triggers a retry at once)
 * @param credentialsBackoffBase first wait after Cloudflare rejects the credentials
 * @param credentialsBackoffMax longest wait before trying rejected credentials again
 * @param transientBackoffBase first wait after a transient remote failure
 * @param transientBackoffMax longest wait after transient remote failures
 * @param deleteAttempts how many times a failing delete of the record is tried before the resource
 *     is let go with a Warning
 */
public record BucketSettings(
    Duration firstPoll,
    Duration maxPoll,
    Duration failedRetry,
    Duration credentialsRetry,
    Duration credentialsBackoffBase,
    Duration credentialsBackoffMax,
    Duration transientBackoffBase,
    Duration transientBackoffMax,
    int deleteAttempts) {

  /**
   * Cloudflare's five to ten minutes of validation read every 30 s to 5 min, a failed validation
   * retried after 10 min, and the PacketCapture controller's patience with credentials and
   * transient failures.
   */
  public static BucketSettings from(ReconcilerSettings capture) {
    return new BucketSettings(
        Duration.ofSeconds(30),
        Duration.ofMinutes(5),
        Duration.ofMinutes(10),
        capture.credentialsRetry(),
        capture.credentialsBackoffBase(),
        capture.credentialsBackoffMax(),
        capture.transientBackoffBase(),
        capture.transientBackoffMax(),
        capture.stopAttempts());
  }
}
