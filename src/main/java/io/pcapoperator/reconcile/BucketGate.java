package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.BucketPhase;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PcapBucket;
import io.pcapoperator.cloudflare.CloudflareApiException;
import io.pcapoperator.cloudflare.Ownership;
import io.pcapoperator.cloudflare.PcapsApi;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds back a full capture whose bucket has no validated ownership in its account, so that it is
 * not sent only to fail at Cloudflare: it waits, Queued with reason BucketNotValidated, until a
 * PcapBucket for its account and destinationConf is Validated (which wakes it), or, with {@link
 * BucketValidation#Cloudflare}, until Cloudflare's list of ownerships shows the bucket validated.
 */
final class BucketGate {
  /** How often a capture waiting on Cloudflare's list reads it again. */
  static final Duration REMOTE_RECHECK = Duration.ofMinutes(1);

  /** How long a capture waiting for a PcapBucket waits before it looks again on its own. */
  static final Duration BUCKET_RECHECK = Duration.ofMinutes(10);

  private final BucketValidation mode;
  private final PcapsApi api;
  private final FailureOutcomes failures;

  BucketGate(BucketValidation mode, PcapsApi api, FailureOutcomes failures) {
    this.mode = mode;
    this.api = api;
    this.failures = failures;
  }

  /** Empty when the capture may be sent; else what it waits for. */
  Optional<Outcome> check(Attempt attempt) {
    PacketCapture capture = attempt.resource();
    if (mode == BucketValidation.None || capture.getSpec().getType() != CaptureType.FULL) {
      return Optional.empty();
    }
    String account = capture.getSpec().getAccountId();
    String bucket = capture.getSpec().getDestinationConf();
    if (mode == BucketValidation.Cloudflare) {
      return validatedAtCloudflare(attempt, account, bucket);
    }
    List<PcapBucket> named = attempt.store().buckets(account, bucket);
    if (named.stream().anyMatch(b -> b.phase() == BucketPhase.Validated)) {
      return Optional.empty();
    }
    String message =
        named.isEmpty()
            ? "bucket "
                + bucket
                + " has no validated ownership in account "
                + account
                + ": create a PcapBucket for it (see config/samples/pcap-bucket.yaml); the capture"
                + " starts once it is Validated"
            : "waiting for PcapBucket "
                + named.get(0).getMetadata().getNamespace()
                + "/"
                + named.get(0).getMetadata().getName()
                + " ("
                + Objects.requireNonNullElse(named.get(0).phase(), BucketPhase.Pending)
                + ") to validate bucket "
                + bucket;
    return Optional.of(waiting(capture, message, named.isEmpty(), BUCKET_RECHECK));
  }

  private Optional<Outcome> validatedAtCloudflare(Attempt attempt, String account, String bucket) {
    List<Ownership> records;
    try {
      records = api.listOwnerships(attempt.credentials(), account);
    } catch (CloudflareApiException e) {
      return Optional.of(failures.of(attempt, RemoteCall.SETTLE, null, e));
    }
    if (records.stream()
        .anyMatch(r -> bucket.equals(r.destinationConf()) && "success".equals(r.status()))) {
      return Optional.empty();
    }
    return Optional.of(
        waiting(
            attempt.resource(),
            "Cloudflare lists no validated ownership of bucket "
                + bucket
                + " in account "
                + account
                + "; validate it, or create a PcapBucket for it",
            true,
            REMOTE_RECHECK));
  }

  /** Queued for the bucket; written once, then only looked at again. */
  private static Outcome waiting(
      PacketCapture capture, String message, boolean userMustAct, Duration recheck) {
    boolean shown =
        ConditionReason.BucketNotValidated.name()
                .equals(StatusConditions.reason(capture.currentStatus().getConditions()))
            && capture.phase() == CapturePhase.Queued;
    if (shown) {
      return Outcome.waitFor(recheck);
    }
    return Outcome.notReady(
            CapturePhase.Queued,
            ConditionReason.BucketNotValidated,
            message,
            userMustAct ? Outcome.Severity.WARNING : Outcome.Severity.NORMAL)
        .after(recheck);
  }
}
