package io.pcapoperator.api.v1alpha1;

/** What happens to a stored pcap file when its PacketCapture is deleted. */
public enum OutputDeletionPolicy {
  /** Keep the stored file. */
  Retain,
  /** Delete the stored file before the resource goes. */
  Delete
}
