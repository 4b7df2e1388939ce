package io.pcapoperator.devcluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a kubeconfig through which kubectl and clients reach the embedded Kubernetes API. */
public final class Kubeconfig {
  /** Name of the cluster, context and user in the file. */
  public static final String NAME = "pcap-operator-dev";

  private Kubeconfig() {}

  /** Writes a kubeconfig for {@code server} whose default namespace is {@code namespace}. */
  public static void write(Path file, String server, String namespace) throws IOException {
    String yaml =
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters:",
            "- name: " + NAME,
            "  cluster:",
            "    server: " + server,
            "contexts:",
            "- name: " + NAME,
            "  context:",
            "    cluster: " + NAME,
            "    user: " + NAME,
            "    namespace: " + namespace,
            "current-context: " + NAME,
            "users:",
            "- name: " + NAME,
            "  user:",
            "    token: embedded",
            "");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, yaml);
  }
}
