package io.pcapoperator.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.api.v1alpha1.PcapBucket;
import io.pcapoperator.cloudflare.Credentials;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** A {@link CaptureStore} in memory: one capture, its account, and the writes made to it. */
final class FakeStore implements CaptureStore {
  static final Credentials TOKEN = new Credentials.ApiToken("test-token");

  private PacketCapture current;
  final List<PacketCaptureStatus> written = new ArrayList<>();
  final List<PacketCapture> account = new ArrayList<>();
  final List<PacketCapture> recorders = new ArrayList<>();
  boolean finalizerRemoved;
  boolean deleted;

  /** The status as the API server holds it, when a test makes the cache's copy stale. */
  PacketCaptureStatus stored;

  final Map<String, Secret> secrets = new HashMap<>();
  final List<PcapBucket> buckets = new ArrayList<>();

  FakeStore(PacketCapture capture) {
    this.current = capture;
    account.add(capture);
  }

  @Override
  public PacketCapture current() {
    return current;
  }

  @Override
  public PacketCapture writeStatus(PacketCapture resource, Consumer<PacketCaptureStatus> change) {
    if (stored != null) {
      // As the API server's conflict makes the writer do: the change goes onto the stored copy.
      resource.setStatus(stored);
      stored = null;
    }
    if (resource.getStatus() == null) {
      resource.setStatus(new PacketCaptureStatus());
    }
    change.accept(resource.getStatus());
    written.add(resource.getStatus());
    current = resource;
    return resource;
  }

  @Override
  public PacketCapture addFinalizer(PacketCapture resource, String finalizer) {
    if (!resource.isMarkedForDeletion()) {
      resource.addFinalizer(finalizer);
    }
    current = resource;
    return resource;
  }

  @Override
  public void removeFinalizer(PacketCapture resource, String finalizer) {
    finalizerRemoved = true;
  }

  @Override
  public void delete(PacketCapture resource) {
    deleted = true;
  }

  @Override
  public CredentialsReader.Result credentials(PacketCapture capture) {
    return new CredentialsReader.Found(TOKEN);
  }

  @Override
  public Optional<Secret> secret(String namespace, String name) {
    return Optional.ofNullable(secrets.get(namespace + "/" + name));
  }

  @Override
  public List<PcapBucket> buckets(String accountId, String destinationConf) {
    return buckets.stream()
        .filter(b -> b.getSpec().getAccountId().equals(accountId))
        .filter(b -> b.getSpec().getDestinationConf().equals(destinationConf))
        .toList();
  }

  @Override
  public List<PacketCapture> sameAccount(PacketCapture capture) {
    return account;
  }

  @Override
  public List<PacketCapture> holdingId(String id) {
    return recorders;
  }
}
