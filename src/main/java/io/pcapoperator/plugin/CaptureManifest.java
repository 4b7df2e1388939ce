package io.pcapoperator.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureSpec;
import java.util.Optional;

/**
 * A PacketCapture to create: its name, the namespace when one was chosen, and its spec; written as
 * the YAML that {@code kubectl apply -f} takes.
 */
final class CaptureManifest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .build());

  private final PacketCapture capture;

  /** A PacketCapture named {@code name}, in {@code namespace} when given, with {@code spec}. */
  CaptureManifest(String name, Optional<String> namespace, PacketCaptureSpec spec) {
    capture = new PacketCapture();
    capture.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace(namespace.orElse(null)).build());
    capture.setSpec(spec);
  }

  /** The resource to create. */
  PacketCapture capture() {
    return capture;
  }

  /** The resource as YAML: apiVersion, kind, metadata (name, namespace) and spec, nothing else. */
  String yaml() {
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("apiVersion", capture.getApiVersion());
    manifest.put("kind", capture.getKind());
    ObjectNode metadata = manifest.putObject("metadata");
    metadata.put("name", capture.getMetadata().getName());
    if (capture.getMetadata().getNamespace() != null) {
      metadata.put("namespace", capture.getMetadata().getNamespace());
    }
    manifest.set("spec", JSON.valueToTree(capture.getSpec()));
    try {
      return YAML.writeValueAsString(manifest);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a PacketCapture is always writable as YAML", e);
    }
  }
}
