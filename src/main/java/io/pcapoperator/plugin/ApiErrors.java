package io.pcapoperator.plugin;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
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
    return "cannot reach the Kubernetes API at "
        + cluster.client().getMasterUrl()
        + ": "
        + unreachable(e);
  }

  /** Why no answer came: the first cause that says, or could not connect. */
  private static String unreachable(KubernetesClientException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "could not connect";
      }
      if (t.getMessage() != null) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
      }
    }
    return e.getMessage();
  }
}
