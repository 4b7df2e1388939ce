package io.pcapoperator.app;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Creates the manifests of a directory in one namespace as {@code kubectl apply} would create them
 * (with the last-applied annotation, so that a later {@code kubectl apply} of the same files finds
 * them unchanged). Secrets go first, so that captures find their credentials.
 */
final class ManifestApplier {
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private ManifestApplier() {}

  /** Creates every object of {@code manifests} (from {@link #load}); returns them as created. */
  static List<GenericKubernetesResource> apply(
      KubernetesClient client, List<GenericKubernetesResource> manifests, String namespace) {
    return manifests.stream()
        .sorted(Comparator.comparing(m -> "Secret".equals(m.getKind()) ? 0 : 1))
        .map(manifest -> create(client, manifest, namespace))
        .toList();
  }

  private static GenericKubernetesResource create(
      KubernetesClient client, GenericKubernetesResource manifest, String namespace) {
    manifest.getMetadata().setNamespace(namespace);
    String lastApplied = Serialization.asJson(manifest);
    Map<String, String> annotations = new LinkedHashMap<>();
    if (manifest.getMetadata().getAnnotations() != null) {
      annotations.putAll(manifest.getMetadata().getAnnotations());
    }
    annotations.put(LAST_APPLIED, lastApplied);
    manifest.getMetadata().setAnnotations(annotations);
    return client.resource(manifest).inNamespace(namespace).create();
  }

  /** The objects of the {@code .yaml} files in {@code dir}, kustomization files left out. */
  static List<GenericKubernetesResource> load(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(p -> !p.getFileName().toString().startsWith("kustomization"))
          .sorted()
          .map(ManifestApplier::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the manifests in " + dir, e);
    }
  }

  private static GenericKubernetesResource read(Path file) {
    try {
      return Serialization.unmarshal(Files.readString(file), GenericKubernetesResource.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
