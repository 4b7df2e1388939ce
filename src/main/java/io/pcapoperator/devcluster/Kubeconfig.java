package io.pcapoperator.devcluster;

import io.pcapoperator.devcluster.http.ClientIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Writes a kubeconfig through which kubectl and clients reach the embedded Kubernetes API. */
public final class Kubeconfig {
  /** Name of the cluster, context and user in the file: the API's one user. */
  public static final String NAME = ClientIdentity.USER;

  private Kubeconfig() {}

  /**
   * Writes a kubeconfig for {@code server} whose default namespace is {@code namespace}.
   *
   * @param certificateAuthorityPem the server's certificate to trust, or {@code null} for HTTP
   */
  public static void write(
      Path file, String server, String namespace, String certificateAuthorityPem)
      throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("apiVersion: v1");
    lines.add("kind: Config");
    lines.add("clusters:");
    lines.add("- name: " + NAME);
    lines.add("  cluster:");
    lines.add("    server: " + server);
    if (certificateAuthorityPem != null) {
      lines.add(
          "    certificate-authority-data: "
              + Base64.getEncoder()
                  .encodeToString(certificateAuthorityPem.getBytes(StandardCharsets.US_ASCII)));
    }
    lines.addAll(
        List.of(
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
            ""));
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, String.join("\n", lines));
  }
}
