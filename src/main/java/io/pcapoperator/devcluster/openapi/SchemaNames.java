package io.pcapoperator.devcluster.openapi;

import io.pcapoperator.devcluster.api.BuiltInTypes;
import io.pcapoperator.devcluster.api.ResourceType;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The names kube gives the schemas of kinds in {@code components.schemas}. */
final class SchemaNames {
  /** ObjectMeta, which every kind's {@code metadata} refers to. */
  static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

  /** ListMeta, the {@code metadata} of lists. */
  static final String LIST_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta";

  private static final Map<String, String> BUILT_IN_PACKAGES =
      Map.of(
          "", "io.k8s.api.core",
          "coordination.k8s.io", "io.k8s.api.coordination",
          "authentication.k8s.io", "io.k8s.api.authentication",
          "authorization.k8s.io", "io.k8s.api.authorization",
          "apiextensions.k8s.io", "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions");

  private SchemaNames() {}

  /** {@code io.k8s.api.core.v1.Secret}, or for a CRD {@code io.pcap-operator.v1alpha1.Kind}. */
  static String of(ResourceType type, String kind) {
    String prefix;
    if (BuiltInTypes.ALL.contains(type)) {
      prefix = BUILT_IN_PACKAGES.get(type.group());
    } else {
      List<String> parts = Arrays.asList(type.group().split("\\."));
      Collections.reverse(parts);
      prefix = String.join(".", parts);
    }
    return prefix + "." + type.version() + "." + kind;
  }

  /** A {@code $ref} to the schema {@code name} in the same document. */
  static String ref(String name) {
    return "#/components/schemas/" + name;
  }
}
