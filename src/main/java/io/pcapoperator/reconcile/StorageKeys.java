package io.pcapoperator.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.pcapoperator.storage.StorageCredentials;
import java.util.Optional;

/**
 * The keys of an S3-compatible store, read from a Secret: {@code accessKeyId} and {@code
 * secretAccessKey}. Problems are described by key name only.
 *
 * @param credentials the keys, when both are there
 * @param problem why there are none, fit for a condition; null when there are keys
 */
public record StorageKeys(StorageCredentials credentials, String problem) {
  /** Secret key of the access key id. */
  public static final String ACCESS_KEY_ID = "accessKeyId";

  /** Secret key of the secret access key. */
  public static final String SECRET_ACCESS_KEY = "secretAccessKey";

  /** Reads {@code secret}, which may be absent, named {@code secretName} in {@code where}. */
  public static StorageKeys read(Optional<Secret> secret, String secretName, String where) {
    if (secret.isEmpty()) {
      return new StorageKeys(null, "Secret " + secretName + " not found in " + where);
    }
    Optional<String> id = CredentialsReader.value(secret.get(), ACCESS_KEY_ID);
    Optional<String> key = CredentialsReader.value(secret.get(), SECRET_ACCESS_KEY);
    if (id.isEmpty() || key.isEmpty()) {
      return new StorageKeys(
          null,
          "Secret "
              + secretName
              + " in "
              + where
              + " lacks the key "
              + (id.isEmpty() ? ACCESS_KEY_ID : SECRET_ACCESS_KEY));
    }
    return new StorageKeys(new StorageCredentials(id.get(), key.get()), null);
  }
}
