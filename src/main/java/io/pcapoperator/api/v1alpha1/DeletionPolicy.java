package io.pcapoperator.api.v1alpha1;

/** What happens to the remote capture when its PacketCapture is deleted. */
public enum DeletionPolicy {
  /** Stop a pending or running full capture before the resource goes. */
  Stop,
  /** Leave the remote capture running to its own limits. */
  Orphan
}
