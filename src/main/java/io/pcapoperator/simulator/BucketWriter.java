package io.pcapoperator.simulator;

import io.pcapoperator.storage.BucketLocation;
import io.pcapoperator.storage.ObjectStore;
import io.pcapoperator.storage.S3ObjectStore;
import io.pcapoperator.storage.StorageCredentials;
import io.pcapoperator.storage.StorageException;
import io.pcapoperator.storage.StorageTarget;
import java.net.URI;

/**
 * Writes files into the buckets of one S3-compatible store, as Cloudflare writes into the bucket a
 * {@code destination_conf} names: {@code s3://<bucket>/<dir>?region=...} gets {@code <dir>/<name>}
 * in {@code <bucket>}, if the store has that bucket. Other destinations ({@code gs://}, {@code
 * r2://}) and buckets the store does not have are left alone.
 */
public final class BucketWriter implements AutoCloseable {
  private final URI endpoint;
  private final StorageCredentials credentials;
  private final ObjectStore store = new S3ObjectStore();

  /** A writer into the store at {@code endpoint}, path-style, with {@code credentials}. */
  public BucketWriter(URI endpoint, StorageCredentials credentials) {
    this.endpoint = endpoint;
    this.credentials = credentials;
  }

  /**
   * Writes {@code content} as file {@code name} of {@code destinationConf}; true when written,
   * false when the destination is not an {@code s3://} bucket of this store.
   *
   * @throws StorageException when the store refused for another reason, or could not be reached
   */
  public boolean write(String destinationConf, String name, byte[] content, String contentType) {
    return BucketLocation.parse(destinationConf)
        .filter(BucketLocation::isS3)
        .map(destination -> put(destination, name, content, contentType))
        .orElse(false);
  }

  private boolean put(BucketLocation destination, String name, byte[] content, String type) {
    String region =
        destination.region() == null ? StorageTarget.DEFAULT_REGION : destination.region();
    StorageTarget target =
        new StorageTarget(endpoint, region, destination.bucket(), true, credentials);
    try {
      store.put(target, destination.key(name), content, type);
      return true;
    } catch (StorageException e) {
      if ("NoSuchBucket".equals(e.errorCode())) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void close() {
    store.close();
  }
}
