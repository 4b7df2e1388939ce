package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.cloudflare.Credentials;

/**
 * One reconciliation of one PacketCapture with usable credentials.
 *
 * @param resource the resource as last read or written
 * @param store the cluster as this reconciliation sees it
 * @param credentials the credentials from the resource's Secret
 */
record Attempt(PacketCapture resource, CaptureStore store, Credentials credentials) {

  /** The Cloudflare account of the capture, as recorded when it was sent. */
  String accountId() {
    return RecordedRequest.accountId(resource);
  }

  /** The resource's uid, the key of per-resource state. */
  String uid() {
    return resource.getMetadata().getUid();
  }

  /** This attempt with the resource as it was last stored. */
  Attempt with(PacketCapture stored) {
    return new Attempt(stored, store, credentials);
  }

  /** This attempt with the resource as the store last stored it. */
  Attempt latest() {
    return with(store.current());
  }
}
