package io.pcapoperator.plugin;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pcapoperator.reconcile.StorageKeys;
import io.pcapoperator.storage.StorageCredentials;
import java.util.Map;
import java.util.Optional;

/**
 * The keys to read a full capture's bucket with: those in the Secret {@code --s3-secret} names, in
 * the capture's namespace, else {@value #ACCESS_KEY_ID_VARIABLE} and {@value
 * #SECRET_ACCESS_KEY_VARIABLE} from the environment. Errors name the Secret and the keys, never
 * their values.
 */
final class BucketKeys {
  /** The environment variable of the access key id, as the AWS tools read it. */
  static final String ACCESS_KEY_ID_VARIABLE = "AWS_ACCESS_KEY_ID";

  /** The environment variable of the secret access key, as the AWS tools read it. */
  static final String SECRET_ACCESS_KEY_VARIABLE = "AWS_SECRET_ACCESS_KEY";

  private BucketKeys() {}

  /**
   * The keys of Secret {@code secretName} when one is named, else of {@code environment}; empty
   * when neither gives any.
   */
  static Optional<StorageCredentials> read(
      Cluster cluster, String secretName, Map<String, String> environment) {
    if (secretName != null) {
      return Optional.of(fromSecret(cluster, secretName));
    }
    return fromEnvironment(environment);
  }

  private static StorageCredentials fromSecret(Cluster cluster, String secretName) {
    Secret secret;
    try {
      secret =
          cluster.client().secrets().inNamespace(cluster.namespace()).withName(secretName).get();
    } catch (KubernetesClientException e) {
      throw new PluginFailure(
          "cannot read Secret "
              + cluster.namespace()
              + "/"
              + secretName
              + ": "
              + ApiErrors.message(cluster, e),
          e);
    }
    StorageKeys keys =
        StorageKeys.read(
            Optional.ofNullable(secret), secretName, "namespace " + cluster.namespace());
    if (keys.problem() != null) {
      throw new PluginFailure(keys.problem());
    }
    return keys.credentials();
  }

  private static Optional<StorageCredentials> fromEnvironment(Map<String, String> environment) {
    Optional<String> id = value(environment, ACCESS_KEY_ID_VARIABLE);
    Optional<String> key = value(environment, SECRET_ACCESS_KEY_VARIABLE);
    if (id.isEmpty() && key.isEmpty()) {
      return Optional.empty();
    }
    if (id.isEmpty() || key.isEmpty()) {
      throw new PluginFailure(
          (id.isEmpty() ? SECRET_ACCESS_KEY_VARIABLE : ACCESS_KEY_ID_VARIABLE)
              + " is set but "
              + (id.isEmpty() ? ACCESS_KEY_ID_VARIABLE : SECRET_ACCESS_KEY_VARIABLE)
              + " is not");
    }
    return Optional.of(new StorageCredentials(id.get(), key.get()));
  }

  private static Optional<String> value(Map<String, String> environment, String name) {
    return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
  }
}
