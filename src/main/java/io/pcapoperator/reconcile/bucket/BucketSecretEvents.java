package io.pcapoperator.reconcile.bucket;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.pcapoperator.api.v1alpha1.BucketPhase;
import io.pcapoperator.api.v1alpha1.PcapBucket;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The credentials Secrets as an event source of the PcapBucket controller: a change to a Secret
 * wakes the buckets that name it and are not validated yet.
 */
final class BucketSecretEvents {
  private BucketSecretEvents() {}

  /** The informer of Secrets, mapped to the PcapBuckets that name them. */
  static InformerEventSource<Secret, PcapBucket> source(EventSourceContext<PcapBucket> context) {
    var secrets =
        InformerEventSourceConfiguration.from(Secret.class, PcapBucket.class)
            .withName("pcapbucket-secrets")
            .withPrimaryToSecondaryMapper(
                (PcapBucket bucket) ->
                    Set.of(
                        new ResourceID(
                            BucketIndexes.secretName(bucket), bucket.getMetadata().getNamespace())))
            .withSecondaryToPrimaryMapper(
                secret ->
                    BucketIndexes.usingSecret(
                            context,
                            secret.getMetadata().getNamespace(),
                            secret.getMetadata().getName())
                        .stream()
                        .filter(bucket -> bucket.phase() != BucketPhase.Validated)
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build();
    return new InformerEventSource<>(secrets, context);
  }
}
