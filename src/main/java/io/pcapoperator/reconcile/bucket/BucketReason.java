package io.pcapoperator.reconcile.bucket;

/**
 * The reasons a PcapBucket's Ready condition gives, one per situation a user acts on differently.
 */
public enum BucketReason {
  /** Accepted; the ownership record is being found or created. */
  Pending(true, false),
  /** The record exists; the challenge file's contents are needed. */
  AwaitingChallenge(false, false),
  /** Cloudflare refused the challenge sent: it is not the file's contents. */
  WrongChallenge(false, true),
  /** The challenge was sent; Cloudflare is checking it. */
  Validating(true, false),
  /** The bucket is validated. */
  Validated(false, false),
  /** Cloudflare failed the validation; it is tried again later, or at once with a new value. */
  ValidationFailed(false, true),
  /** Cloudflare refused the ownership record or the account's list. */
  RemoteRejected(false, true),
  /** The credentials Secret is missing or lacks the keys. */
  CredentialsNotFound(false, true),
  /** Cloudflare rejected the credentials. */
  AuthenticationFailed(false, true),
  /** Cloudflare could not be reached or answered with a transient error; retrying. */
  RemoteUnavailable(true, true);

  private final boolean inProgress;
  private final boolean warning;

  BucketReason(boolean inProgress, boolean warning) {
    this.inProgress = inProgress;
    this.warning = warning;
  }

  /** Whether the operator is still driving the bucket on its own (kstatus Reconciling). */
  public boolean inProgress() {
    return inProgress;
  }

  /** Whether entering this reason is told with a Warning Event. */
  public boolean warning() {
    return warning;
  }
}
