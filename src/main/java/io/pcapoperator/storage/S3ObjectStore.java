package io.pcapoperator.storage;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The {@link ObjectStore} on the AWS SDK for Java v2, for any S3-compatible store. A put carries
 * the content's {@code Content-MD5}, which S3, R2, MinIO, Ceph and s3proxy all check before they
 * keep an object ({@code x-amz-checksum-sha256} is not: s3proxy refuses it as not implemented); the
 * SHA-256 it returns is for the caller's record.
 */
public final class S3ObjectStore implements ObjectStore {
  private final S3Clients clients = new S3Clients();

  @Override
  public StoredObject put(StorageTarget target, String key, byte[] content, String contentType) {
    byte[] sha256 = digest("SHA-256", content);
    call(
        "put",
        target,
        key,
        () ->
            clients
                .of(target)
                .putObject(
                    request ->
                        request
                            .bucket(target.bucket())
                            .key(key)
                            .contentType(contentType)
                            .contentLength((long) content.length)
                            .contentMD5(base64(digest("MD5", content))),
                    RequestBody.fromBytes(content)));
    return new StoredObject(target.bucket(), key, content.length, HexFormat.of().formatHex(sha256));
  }

  @Override
  public OptionalLong size(StorageTarget target, String key) {
    try {
      return OptionalLong.of(
          call(
                  "head",
                  target,
                  key,
                  () ->
                      clients
                          .of(target)
                          .headObject(request -> request.bucket(target.bucket()).key(key)))
              .contentLength());
    } catch (StorageException e) {
      if (isNotFound(e)) {
        return OptionalLong.empty();
      }
      throw e;
    }
  }

  @Override
  public Optional<byte[]> get(StorageTarget target, String key) {
    try {
      return Optional.of(
          call(
                  "get",
                  target,
                  key,
                  () ->
                      clients
                          .of(target)
                          .getObjectAsBytes(request -> request.bucket(target.bucket()).key(key)))
              .asByteArray());
    } catch (StorageException e) {
      if (isNotFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Streams the content of the object at {@code key} into {@code out}, for objects too large to
   * hold in memory; false, with nothing written, when there is none.
   */
  public boolean copyTo(StorageTarget target, String key, OutputStream out) {
    try {
      call(
          "get",
          target,
          key,
          () ->
              clients
                  .of(target)
                  .getObject(
                      request -> request.bucket(target.bucket()).key(key),
                      ResponseTransformer.toOutputStream(out)));
      return true;
    } catch (StorageException e) {
      if (isNotFound(e)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void delete(StorageTarget target, String key) {
    try {
      call(
          "delete",
          target,
          key,
          () ->
              clients.of(target).deleteObject(request -> request.bucket(target.bucket()).key(key)));
    } catch (StorageException e) {
      if (!isNotFound(e)) {
        throw e;
      }
    }
  }

  @Override
  public void close() {
    clients.close();
  }

  private static <T> T call(
      String operation, StorageTarget target, String key, Supplier<T> request) {
    try {
      return request.get();
    } catch (SdkException e) {
      throw StorageFailures.of(e, operation, target, key);
    }
  }

  /**
   * The object is not there, while its bucket is: a HEAD answers a bare 404 (no body, so no code),
   * a GET {@code NoSuchKey}. A missing bucket ({@code NoSuchBucket}) is not this.
   */
  private static boolean isNotFound(StorageException e) {
    return e.getCause() instanceof NoSuchKeyException
        || (e.getCause() instanceof S3Exception s3
            && s3.statusCode() == 404
            && !"NoSuchBucket".equals(e.errorCode()));
  }

  private static byte[] digest(String algorithm, byte[] content) {
    try {
      return MessageDigest.getInstance(algorithm).digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has " + algorithm, e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
