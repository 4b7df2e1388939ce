package io.pcapoperator.storage;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Objects in S3-compatible buckets. Every method throws {@link StorageException}, which says
 * whether trying again later can help.
 */
public interface ObjectStore extends AutoCloseable {
  /** The content type of pcap files. */
  String PCAP_CONTENT_TYPE = "application/vnd.tcpdump.pcap";

  /**
   * Writes {@code content} at {@code key}, replacing what is there, with checksums the store
   * verifies before it accepts the object.
   */
  StoredObject put(StorageTarget target, String key, byte[] content, String contentType);

  /** The size of the object at {@code key}; empty when there is none. */
  OptionalLong size(StorageTarget target, String key);

  /** The content of the object at {@code key}; empty when there is none. */
  Optional<byte[]> get(StorageTarget target, String key);

  /** Deletes the object at {@code key}; an object that is not there is already deleted. */
  void delete(StorageTarget target, String key);

  /** Releases the clients of every target. */
  @Override
  void close();
}
