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

/**
 * An in-process Kubernetes API on 127.0.0.1 ({@link KubeApiServer}) with the PacketCapture CRD
 * installed, and a fabric8 client of it: what the tests, the benchmark and {@code dev} run on.
 */
public final class EmbeddedKubernetes implements AutoCloseable {
  /** Classpath location of the committed CRD. */
  public static final String CRD_RESOURCE = "/crds/packetcaptures.pcap-operator.io-v1.yml";

  private final KubeApiServer server;
  private final KubernetesClient client;

  private EmbeddedKubernetes(KubeApiServer server) {
    this.server = server;
    this.client = new KubernetesClientBuilder().withConfig(clientConfig(server.url())).build();
  }

  /** Starts the API over plain HTTP on {@code port} (0 for any free port) and installs the CRD. */
  public static EmbeddedKubernetes start(int port) {
    EmbeddedKubernetes api =
        new EmbeddedKubernetes(
            KubeApiServer.start(
                port, null, Defaults.admission(), Defaults.tables(), Defaults.openApi()));
    api.client.resource(loadCrd()).create();
    return api;
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
    try (InputStream in = EmbeddedKubernetes.class.getResourceAsStream(CRD_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("CRD not on the classpath at " + CRD_RESOURCE);
      }
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fabric8 client configuration for the API at {@code url}: HTTP watches, no retries. */
  static Config clientConfig(String url) {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(url)
        .withNamespace("default")
        .withOnlyHttpWatches(true)
        .withRequestRetryBackoffLimit(0)
        .build();
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
