package io.pcapoperator.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.api.v1alpha1.PcapBucket;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The {@link CaptureStore} of one JOSDK reconciliation: its context's caches and client. */
final class ContextStore implements CaptureStore {
  private final Context<PacketCapture> context;
  private final StatusWriter writer;
  private PacketCapture current;

  ContextStore(PacketCapture observed, Context<PacketCapture> context, StatusWriter writer) {
    this.current = observed;
    this.context = context;
    this.writer = writer;
  }

  @Override
  public PacketCapture current() {
    return current;
  }

  @Override
  public PacketCapture writeStatus(PacketCapture resource, Consumer<PacketCaptureStatus> change) {
    current = writer.write(resource, context, change);
    return current;
  }

  @Override
  public PacketCapture addFinalizer(PacketCapture resource, String finalizer) {
    current = PrimaryUpdateAndCacheUtils.addFinalizer(context.getClient(), resource, finalizer);
    return current;
  }

  @Override
  public void removeFinalizer(PacketCapture resource, String finalizer) {
    PrimaryUpdateAndCacheUtils.removeFinalizer(context.getClient(), resource, finalizer);
  }

  @Override
  public void delete(PacketCapture resource) {
    context.getClient().resource(resource).delete();
  }

  @Override
  public CredentialsReader.Result credentials(PacketCapture capture) {
    return CredentialsReader.read(capture, context);
  }

  @Override
  public Optional<Secret> secret(String namespace, String name) {
    return Optional.ofNullable(
        context.getClient().secrets().inNamespace(namespace).withName(name).get());
  }

  @Override
  public List<PcapBucket> buckets(String accountId, String destinationConf) {
    return BucketEvents.buckets(context, accountId, destinationConf);
  }

  @Override
  public List<PacketCapture> sameAccount(PacketCapture capture) {
    return CaptureIndexes.sameAccount(context, capture);
  }

  @Override
  public List<PacketCapture> holdingId(String id) {
    return CaptureIndexes.holdingId(context, id);
  }
}
