package io.pcapoperator.storage;

/**
 * An object the store accepted, with the checksum it verified.
 *
 * @param bucket the bucket
 * @param key the key
 * @param size its length in bytes
 * @param sha256 the SHA-256 of its content, in lowercase hex
 */
public record StoredObject(String bucket, String key, long size, String sha256) {
  /** {@code s3://<bucket>/<key>}. */
  public String uri() {
    return ObjectKeys.uri(bucket, key);
  }
}
