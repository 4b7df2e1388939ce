package io.pcapoperator.reconcile;

import java.time.Duration;

/**
 * How patient the reconciler is, in the capture clock's time.
 *
 * @param poll when to read a running capture next
 * @param credentialsRetry wait before reading credentials again when they are missing (a change to
 *     the Secret triggers a retry at once)
 * @param credentialsBackoffBase first wait after Cloudflare rejects the credentials, doubled on
 *     each rejection up to {@code credentialsBackoffMax}
 * @param credentialsBackoffMax longest wait before trying rejected credentials again (a change to
 *     the Secret triggers a retry at once)
 * @param transientBackoffBase first wait after a transient remote failure
 * @param transientBackoffMax longest wait after transient remote failures
 * @param ambiguousRetry wait before looking again at a create of unknown outcome that the user must
 *     settle (several remote captures match it, or the spec changed since it was sent); setting the
 *     adopt annotation triggers a retry at once
 * @param submissionGrace how long after a create of unknown outcome the remote list is trusted to
 *     show the capture; after it, a capture not in the list is submitted again
 * @param stopAttempts how many times a failing stop is tried on deletion before giving up
 * @param bucketValidation how a full capture's bucket is known to be validated before it is sent
 */
public record ReconcilerSettings(
    PollSchedule poll,
    Duration credentialsRetry,
    Duration credentialsBackoffBase,
    Duration credentialsBackoffMax,
    Duration transientBackoffBase,
    Duration transientBackoffMax,
    Duration ambiguousRetry,
    Duration submissionGrace,
    int stopAttempts,
    BucketValidation bucketValidation) {

  /** Production defaults. */
  public static ReconcilerSettings defaults() {
    return new ReconcilerSettings(
        PollSchedule.defaults(),
        Duration.ofMinutes(5),
        Duration.ofSeconds(5),
        Duration.ofMinutes(15),
        Duration.ofSeconds(5),
        Duration.ofMinutes(5),
        Duration.ofMinutes(5),
        Duration.ofSeconds(30),
        6,
        BucketValidation.PcapBucket);
  }

  /** These settings with another staleness bound for running captures. */
  public ReconcilerSettings withStalenessBound(Duration bound) {
    return new ReconcilerSettings(
        poll.withMaxInterval(bound),
        credentialsRetry,
        credentialsBackoffBase,
        credentialsBackoffMax,
        transientBackoffBase,
        transientBackoffMax,
        ambiguousRetry,
        submissionGrace,
        stopAttempts,
        bucketValidation);
  }

  /** These settings with another way of knowing a bucket is validated. */
  public ReconcilerSettings withBucketValidation(BucketValidation validation) {
    return new ReconcilerSettings(
        poll,
        credentialsRetry,
        credentialsBackoffBase,
        credentialsBackoffMax,
        transientBackoffBase,
        transientBackoffMax,
        ambiguousRetry,
        submissionGrace,
        stopAttempts,
        validation);
  }
}
