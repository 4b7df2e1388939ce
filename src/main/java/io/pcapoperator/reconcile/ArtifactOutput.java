package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.OutputDeletionPolicy;
import io.pcapoperator.storage.ObjectKeys;
import io.pcapoperator.storage.StorageTarget;
import java.time.Duration;
import java.util.Optional;

/**
 * Where one capture's pcap file goes: the bucket with its keys, the object's key, how long it is
 * kept and whether a deletion of the capture deletes it.
 */
record ArtifactOutput(
    StorageTarget target,
    String key,
    Optional<Duration> retention,
    OutputDeletionPolicy deletionPolicy) {

  /** The object's {@code s3://} URI. */
  String uri() {
    return ObjectKeys.uri(target.bucket(), key);
  }
}
