package io.pcapoperator.api.v1alpha1;

/** Where a capture is in its life, as the operator sees it. */
public enum CapturePhase {
  /** Accepted by the operator; not yet sent to Cloudflare. */
  Pending,
  /** Waiting for the account to allow another capture. */
  Queued,
  /** The create request is being sent; the remote id is not known yet. */
  Submitting,
  /** Cloudflare is collecting packets. */
  Running,
  /** Collection ended; Cloudflare is converting the packets into pcap files. */
  Converting,
  /** The capture finished and its files are ready. */
  Succeeded,
  /** The capture failed, or its spec was rejected; nothing more will happen. */
  Failed,
  /** The capture was stopped on request before its limits were reached. */
  Stopped;

  /** Whether nothing more can happen to the capture. */
  public boolean isTerminal() {
    return this == Succeeded || this == Failed || this == Stopped;
  }
}
