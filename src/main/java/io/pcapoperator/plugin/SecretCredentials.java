package io.pcapoperator.plugin;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pcapoperator.cloudflare.Credentials;
import io.pcapoperator.reconcile.CredentialsReader;
import java.util.Optional;

/**
 * Reads a capture's Cloudflare credentials from its Secret as the user who runs the plugin: whoever
 * may not read the Secret may not download the capture. Errors name the Secret and the keys, never
 * their values.
 */
final class SecretCredentials {
  private SecretCredentials() {}

  /** The credentials in Secret {@code secretName} of the cluster's namespace. */
  static Credentials read(Cluster cluster, String secretName) {
    String where = "Secret " + cluster.namespace() + "/" + secretName;
    Secret secret;
    try {
      secret =
          cluster.client().secrets().inNamespace(cluster.namespace()).withName(secretName).get();
    } catch (KubernetesClientException e) {
      throw new PluginFailure(
          "cannot read "
              + where
              + ": "
              + ApiErrors.message(cluster, e)
              + (e.getCode() == 403
                  ? "; downloading a capture needs permission to get its credentials Secret"
                  : ""),
          e);
    }
    CredentialsReader.Result result =
        CredentialsReader.read(secretName, Optional.ofNullable(secret));
    if (result instanceof CredentialsReader.Found found) {
      return found.credentials();
    }
    throw new PluginFailure(((CredentialsReader.Missing) result).message());
  }
}
