package io.pcapoperator.reconcile;

/** The reasons the Ready condition gives, one per situation a user acts on differently. */
public enum ConditionReason {
  /** Accepted, not yet sent. */
  Pending,
  /** Waiting for the account to allow another capture. */
  Queued,
  /** The create request is in flight or its outcome is being confirmed. */
  Submitting,
  /** Cloudflare is collecting packets. */
  Running,
  /** Cloudflare is converting the packets into pcap files. */
  Converting,
  /** The capture finished and its files are ready. */
  Succeeded,
  /** The capture was stopped on request and its files are ready. */
  Stopped,
  /** Cloudflare reports the capture failed. */
  Failed,
  /** The spec breaks a rule; fix it and create the PacketCapture again. */
  InvalidSpec,
  /** Cloudflare refused the request itself. */
  RemoteRejected,
  /** The credentials Secret is missing or lacks the keys. */
  CredentialsNotFound,
  /** Cloudflare rejected the credentials. */
  AuthenticationFailed,
  /** Cloudflare could not be reached or answered with a transient error; retrying. */
  RemoteUnavailable,
  /** A full capture's bucket has no validated ownership yet; a PcapBucket validates it. */
  BucketNotValidated,
  /** spec.captureId names no capture in the account. */
  CaptureNotFound,
  /** spec.captureId names a capture another PacketCapture already holds. */
  CaptureIdInUse,
  /** More than one remote capture matches a lost create; pin one with an annotation. */
  AmbiguousSubmission
}
