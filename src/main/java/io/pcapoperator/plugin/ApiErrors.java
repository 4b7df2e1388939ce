package io.pcapoperator.plugin;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.function.Supplier;

/**
 * Turns a failed Kubernetes API call into one line for the user: the API server's own message when
 * it answered (as kubectl prints it), else why it could not be reached.
 */
final class ApiErrors {
  private ApiErrors() {}

  /** The result of {@code call}, or a {@link PluginFailure} that says why there is none. */
  static <T> T call(Cluster cluster, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw new PluginFailure(message(cluster, e), e);
    }
  }

  /** What went wrong, in one line. */
  static String message(Cluster cluster, KubernetesClientException e) {
    Status status = e.getStatus();
    if (e.getCode() > 0 && status != null && status.getMessage() != null) {
      return status.getMessage();
    }
    if (e.getCode() > 0) {
      return "the Kubernetes API answered HTTP " + e.getCode();
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return "cannot reach the Kubernetes API at "
        + cluster.client().getMasterUrl()
        + " ("
        + root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage())
        + ")";
  }
}
