package io.pcapoperator.app;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The samples as {@code dev} applies them: a PcapBucket that reads its challenge from the embedded
 * S3 server at its default address (a loopback endpoint) is pointed at the server of this run,
 * which {@code --s3-port} may have moved.
 */
final class DevSamples {
  private DevSamples() {}

  /** {@code manifests} with loopback S3 endpoints of PcapBuckets set to {@code endpoint}. */
  static List<GenericKubernetesResource> pointedAt(
      List<GenericKubernetesResource> manifests, URI endpoint) {
    for (GenericKubernetesResource manifest : manifests) {
      if ("PcapBucket".equals(manifest.getKind())
          && manifest.get("spec", "challenge", "s3") instanceof Map<?, ?> s3
          && s3.get("endpoint") instanceof String named
          && isLoopback(named)) {
        @SuppressWarnings("unchecked")
        Map<String, Object> writable = (Map<String, Object>) s3;
        writable.put("endpoint", endpoint.toString());
      }
    }
    return manifests;
  }

  private static boolean isLoopback(String endpoint) {
    String host = URI.create(endpoint).getHost();
    return "127.0.0.1".equals(host) || "localhost".equals(host);
  }
}
