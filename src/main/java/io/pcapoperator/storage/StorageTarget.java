package io.pcapoperator.storage;

import java.net.URI;
import java.util.Objects;

/**
 * Where files go: a bucket of an S3-compatible store and the keys to write to it.
 *
 * @param endpoint the store's URL; {@code null} for AWS S3
 * @param region the signing region: {@code us-east-1} for most stores, {@code auto} for R2
 * @param bucket the bucket
 * @param pathStyle whether the bucket is addressed in the path ({@code endpoint/bucket/key}) rather
 *     than in the host name
 * @param credentials the keys
 */
public record StorageTarget(
    URI endpoint, String region, String bucket, boolean pathStyle, StorageCredentials credentials) {
  /** The region when none is given. */
  public static final String DEFAULT_REGION = "us-east-1";

  public StorageTarget {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(credentials, "credentials");
  }

  /**
   * A target with the user-facing defaults: region {@value #DEFAULT_REGION}, and path-style
   * addressing exactly when an endpoint is given.
   *
   * @param endpoint the store's URL, or {@code null} or blank for AWS S3
   * @param region the region, or {@code null} or blank for the default
   * @param pathStyle path-style addressing, or {@code null} for the default
   */
  public static StorageTarget of(
      String endpoint,
      String region,
      String bucket,
      Boolean pathStyle,
      StorageCredentials credentials) {
    URI uri = isBlank(endpoint) ? null : URI.create(endpoint);
    return new StorageTarget(
        uri,
        isBlank(region) ? DEFAULT_REGION : region,
        bucket,
        pathStyle != null ? pathStyle : uri != null,
        credentials);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
