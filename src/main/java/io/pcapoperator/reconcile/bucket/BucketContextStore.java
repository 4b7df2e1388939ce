package io.pcapoperator.reconcile.bucket;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.pcapoperator.api.v1alpha1.PcapBucket;
import io.pcapoperator.api.v1alpha1.PcapBucketStatus;
import io.pcapoperator.reconcile.CredentialsReader;
import io.pcapoperator.reconcile.StatusUpdates;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The {@link BucketStore} of one JOSDK reconciliation. A status write goes out only when it changes
 * something, with optimistic locking (the change is re-applied to a fresh copy on a conflict), and
 * is cached so that the next reconciliation sees it.
 */
final class BucketContextStore implements BucketStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Context<PcapBucket> context;
  private PcapBucket current;

  BucketContextStore(PcapBucket observed, Context<PcapBucket> context) {
    this.current = observed;
    this.context = context;
  }

  @Override
  public PcapBucket current() {
    return current;
  }

  @Override
  public PcapBucket writeStatus(PcapBucket resource, Consumer<PcapBucketStatus> change) {
    if (resource.getStatus() != null && !changes(resource.getStatus(), change)) {
      return resource;
    }
    current =
        StatusUpdates.write(
            resource, context, PcapBucketStatus::new, change, BucketGoneException::new);
    return current;
  }

  @Override
  public CredentialsReader.Result credentials(PcapBucket bucket) {
    return CredentialsReader.read(
        BucketIndexes.secretName(bucket), context.getSecondaryResource(Secret.class));
  }

  /** Whether {@code change} would make {@code status} any different. */
  static boolean changes(PcapBucketStatus status, Consumer<PcapBucketStatus> change) {
    PcapBucketStatus copy = JSON.convertValue(status, PcapBucketStatus.class);
    change.accept(copy);
    return !Objects.equals(JSON.valueToTree(status), JSON.valueToTree(copy));
  }
}
