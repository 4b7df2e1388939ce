package io.pcapoperator.devcluster;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/**
 * An in-process Kubernetes API on 127.0.0.1 ({@link KubeApiServer}) with the PacketCapture and
 * PcapBucket CRDs installed, and a fabric8 client of it: what the tests, the benchmark and {@code
 * dev} run on.
 */
public final class EmbeddedKubernetes implements AutoCloseable {
  /** Classpath location of the committed PacketCapture CRD. */
  public static final String CRD_RESOURCE = "/crds/packetcaptures.pcap-operator.io-v1.yml";

  /** Classpath location of the committed PcapBucket CRD. */
  public static final String BUCKET_CRD_RESOURCE = "/crds/pcapbuckets.pcap-operator.io-v1.yml";

  private final KubeApiServer server;
  private final ServingCertificate certificate;
  private final KubernetesClient client;

  private EmbeddedKubernetes(KubeApiServer server, ServingCertificate certificate) {
    this.server = server;
    this.certificate = certificate;
    this.client =
        new KubernetesClientBuilder().withConfig(clientConfig(server.url(), certificate)).build();
  }

  /** Starts the API over plain HTTP on {@code port} (0 for any free port) and installs the CRDs. */
  public static EmbeddedKubernetes start(int port) {
    return start(port, null);
  }

  /**
   * Starts the API over HTTPS with {@code certificate} on {@code port} (0 for any free port) and
   * installs the CRDs.
   */
  public static EmbeddedKubernetes startHttps(int port, ServingCertificate certificate) {
    return start(port, certificate);
  }

  private static EmbeddedKubernetes start(int port, ServingCertificate certificate) {
    EmbeddedKubernetes api =
        new EmbeddedKubernetes(
            KubeApiServer.start(
                port,
                certificate == null ? null : certificate.sslContext(),
                Defaults.admission(),
                Defaults.tables(),
                Defaults.openApi()),
            certificate);
    api.client.resource(loadCrd()).create();
    api.client.resource(load(BUCKET_CRD_RESOURCE)).create();
    return api;
  }

  /**
   * Writes a kubeconfig for this API whose default namespace is {@code namespace}; over HTTPS it
   * trusts the server's certificate.
   */
  public void writeKubeconfig(Path file, String namespace) throws IOException {
    Kubeconfig.write(file, server.url(), namespace, certificate == null ? null : certificate.pem());
  }

  /** A client of this API; closed with it. */
  public KubernetesClient client() {
    return client;
  }

  /** The API's URL, e.g. {@code http://127.0.0.1:PORT}. */
  public String url() {
    return server.url();
  }

  /** The server, for what the client does not show. */
  public KubeApiServer server() {
    return server;
  }

  /** The committed PacketCapture CRD. */
  public static CustomResourceDefinition loadCrd() {
    return load(CRD_RESOURCE);
  }

  private static CustomResourceDefinition load(String resource) {
    try (InputStream in = EmbeddedKubernetes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("CRD not on the classpath at " + resource);
      }
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A fabric8 client configuration for the API at {@code url}, trusting {@code certificate} when
   * given: HTTP watches, no retries.
   */
  private static Config clientConfig(String url, ServingCertificate certificate) {
    ConfigBuilder config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(url)
            .withNamespace("default")
            .withOnlyHttpWatches(true)
            .withRequestRetryBackoffLimit(0);
    if (certificate != null) {
      config.withCaCertData(
          Base64.getEncoder()
              .encodeToString(certificate.pem().getBytes(StandardCharsets.US_ASCII)));
    }
    return config.build();
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
