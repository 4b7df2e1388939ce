package io.pcapoperator.devcluster;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An in-process Kubernetes API on 127.0.0.1, backed by the fabric8 mock server in CRUD mode, with
 * the PacketCapture CRD installed. Enough for the operator and its tests; it does not validate
 * resources against the CRD schema, so the operator's own validation stands guard.
 */
public final class EmbeddedKubernetes implements AutoCloseable {
  /** Classpath location of the committed CRD. */
  public static final String CRD_RESOURCE = "/crds/packetcaptures.pcap-operator.io-v1.yml";

  /** The mock server logs every request at INFO through java.util.logging; held so it stays set. */
  private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  static {
    MOCK_SERVER_LOG.setLevel(Level.WARNING);
  }

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  private EmbeddedKubernetes(KubernetesMockServer server) {
    this.server = server;
    this.client = server.createClient();
  }

  /** Starts the API on {@code port} (0 for any free port) and installs the CRD. */
  public static EmbeddedKubernetes start(int port) {
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), new DevApiDispatcher(), false);
    server.init(InetAddress.getLoopbackAddress(), port);
    EmbeddedKubernetes api = new EmbeddedKubernetes(server);
    api.client.resource(loadCrd()).create();
    return api;
  }

  /** A client of this API; closed with it. */
  public KubernetesClient client() {
    return client;
  }

  /** The API's URL, e.g. {@code http://127.0.0.1:PORT/}. */
  public String url() {
    return client.getConfiguration().getMasterUrl();
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

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
