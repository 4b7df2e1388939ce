package io.pcapoperator.storage;

import java.util.Objects;

/**
 * The keys of an S3-compatible store. Neither appears in {@link #toString()}, so neither reaches a
 * log line or a status.
 *
 * @param accessKeyId the access key id
 * @param secretAccessKey the secret access key
 */
public record StorageCredentials(String accessKeyId, String secretAccessKey) {
  public StorageCredentials {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
  }

  /** Replaces both keys in {@code text} (a message from a store or a client) with {@code ***}. */
  String redact(String text) {
    if (text == null) {
      return null;
    }
    String redacted = text;
    for (String key : new String[] {secretAccessKey, accessKeyId}) {
      if (!key.isEmpty()) {
        redacted = redacted.replace(key, "***");
      }
    }
    return redacted;
  }

  @Override
  public String toString() {
    return "StorageCredentials[***]";
  }
}
