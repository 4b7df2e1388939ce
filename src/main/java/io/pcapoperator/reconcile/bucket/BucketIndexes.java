package io.pcapoperator.reconcile.bucket;

import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.pcapoperator.api.v1alpha1.PcapBucket;
import java.util.List;

/** The PcapBucket cache's index by credentials Secret. */
final class BucketIndexes {
  private static final String SECRET = "credentials-secret";

  private BucketIndexes() {}

  /** Adds the index to the controller's cache. */
  static void register(EventSourceContext<PcapBucket> context) {
    context
        .getPrimaryCache()
        .addIndexer(
            SECRET,
            bucket -> List.of(secretKey(bucket.getMetadata().getNamespace(), secretName(bucket))));
  }

  /** The buckets that name the Secret {@code namespace/name}. */
  static List<PcapBucket> usingSecret(
      EventSourceContext<PcapBucket> context, String namespace, String name) {
    return context.getPrimaryCache().byIndex(SECRET, secretKey(namespace, name));
  }

  /** The name of the Secret a bucket reads its credentials from, or "" when it names none. */
  static String secretName(PcapBucket bucket) {
    var ref = bucket.getSpec() == null ? null : bucket.getSpec().getCredentialsSecretRef();
    return ref == null || ref.getName() == null ? "" : ref.getName();
  }

  private static String secretKey(String namespace, String name) {
    return namespace + "/" + name;
  }
}
