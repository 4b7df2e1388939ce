package io.pcapoperator.reconcile;

import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PcapBucket;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The PcapBuckets as an event source of the PacketCapture controller: a bucket's change wakes the
 * full captures of its account and destinationConf that have not been sent, so that one waiting for
 * its bucket starts as soon as the bucket is Validated.
 */
final class BucketEvents {
  private static final String BUCKET = "bucket";

  private BucketEvents() {}

  /** Indexes unsent full captures by account and bucket, and returns the buckets' informer. */
  static InformerEventSource<PcapBucket, PacketCapture> source(
      EventSourceContext<PacketCapture> context) {
    context
        .getPrimaryCache()
        .addIndexer(
            BUCKET,
            capture ->
                capture.getSpec() == null || capture.getSpec().getType() != CaptureType.FULL
                    ? List.of()
                    : List.of(
                        key(
                            capture.getSpec().getAccountId(),
                            capture.getSpec().getDestinationConf())));
    var buckets =
        InformerEventSourceConfiguration.from(PcapBucket.class, PacketCapture.class)
            .withSecondaryToPrimaryMapper(
                (PcapBucket bucket) ->
                    context
                        .getPrimaryCache()
                        .byIndex(
                            BUCKET,
                            key(
                                bucket.getSpec().getAccountId(),
                                bucket.getSpec().getDestinationConf()))
                        .stream()
                        .filter(capture -> capture.remoteId() == null)
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .withPrimaryToSecondaryMapper((PacketCapture capture) -> Set.<ResourceID>of())
            .build();
    return new InformerEventSource<>(buckets, context);
  }

  /** The cached PcapBuckets of {@code accountId} for {@code destinationConf}. */
  static List<PcapBucket> buckets(
      Context<PacketCapture> context, String accountId, String destinationConf) {
    var informer =
        (InformerEventSource<PcapBucket, PacketCapture>)
            context.eventSourceRetriever().getEventSourceFor(PcapBucket.class);
    return informer
        .list(
            bucket ->
                bucket.getSpec() != null
                    && Objects.equals(accountId, bucket.getSpec().getAccountId())
                    && Objects.equals(destinationConf, bucket.getSpec().getDestinationConf()))
        .toList();
  }

  private static String key(String accountId, String destinationConf) {
    return accountId + " " + destinationConf;
  }
}
