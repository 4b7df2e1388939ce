package io.pcapoperator.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.api.v1alpha1.PcapBucket;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The cluster as one reconciliation sees it: the controller's caches, and the writes that must land
 * at once. It remembers the resource as last stored, so that what is decided after a write applies
 * to the stored copy.
 */
interface CaptureStore {

  /** The resource as last read or stored in this reconciliation. */
  PacketCapture current();

  /**
   * Applies {@code change} to the resource's status and stores it at once.
   *
   * @throws CaptureGoneException when the resource no longer exists
   */
  PacketCapture writeStatus(PacketCapture resource, Consumer<PacketCaptureStatus> change);

  /** Adds {@code finalizer} unless the resource has it or is being deleted; the stored copy. */
  PacketCapture addFinalizer(PacketCapture resource, String finalizer);

  /** Removes {@code finalizer}, letting a deleted resource go. */
  void removeFinalizer(PacketCapture resource, String finalizer);

  /** Deletes the resource; its finalizer still runs before it goes. */
  void delete(PacketCapture resource);

  /** Reads the credentials Secret that {@code capture} names, from the cache. */
  CredentialsReader.Result credentials(PacketCapture capture);

  /** Reads a Secret (the keys of a storage output), which may be in another namespace. */
  Optional<Secret> secret(String namespace, String name);

  /**
   * The PcapBuckets of {@code accountId} for the bucket {@code destinationConf}, from the cache.
   */
  List<PcapBucket> buckets(String accountId, String destinationConf);

  /** Every capture of {@code capture}'s account, itself included. */
  List<PacketCapture> sameAccount(PacketCapture capture);

  /** The captures whose status records the remote id {@code id}. */
  List<PacketCapture> holdingId(String id);
}
