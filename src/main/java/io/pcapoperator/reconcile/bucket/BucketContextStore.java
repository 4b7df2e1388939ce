package io.pcapoperator.reconcile.bucket;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.pcapoperator.api.v1alpha1.PcapBucket;
import io.pcapoperator.api.v1alpha1.PcapBucketStatus;
import io.pcapoperator.reconcile.CredentialsReader;
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
    try {
      current =
          PrimaryUpdateAndCacheUtils.updateAndCacheResource(
              resource,
              context,
              fresh -> {
                if (fresh.getStatus() == null) {
                  fresh.setStatus(new PcapBucketStatus());
                }
                change.accept(fresh.getStatus());
                return fresh;
              },
              r -> context.getClient().resource(r).updateStatus());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        throw new BucketGoneException(
            "PcapBucket "
                + resource.getMetadata().getNamespace()
                + "/"
                + resource.getMetadata().getName()
                + " was deleted before its status could be written",
            e);
      }
      throw e;
    }
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
