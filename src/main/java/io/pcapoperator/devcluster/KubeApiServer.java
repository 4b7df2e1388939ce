package io.pcapoperator.devcluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.pcapoperator.devcluster.api.BuiltInTypes;
import io.pcapoperator.devcluster.api.TypeRegistry;
import io.pcapoperator.devcluster.http.Admission;
import io.pcapoperator.devcluster.http.ApiHandler;
import io.pcapoperator.devcluster.http.KindBehaviour;
import io.pcapoperator.devcluster.http.ObjectWrites;
import io.pcapoperator.devcluster.http.OpenApiView;
import io.pcapoperator.devcluster.http.ResourceHandler;
import io.pcapoperator.devcluster.http.TableView;
import io.pcapoperator.devcluster.http.Views;
import io.pcapoperator.devcluster.http.WatchStream;
import io.pcapoperator.devcluster.http.WriteOptions;
import io.pcapoperator.devcluster.store.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A Kubernetes API server in this process, on 127.0.0.1: the built-in kinds the operator and
 * kubectl need, any CRD applied to it, discovery, OpenAPI, Tables, chunked watches, patches,
 * conflicts and schema validation. Objects live in memory and go away with it.
 */
public final class KubeApiServer implements AutoCloseable {
  private static final int WATCH_HISTORY = 10_000;
  private static final long WATCH_HISTORY_BYTES = 32L * 1024 * 1024;

  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final ObjectStore store;
  private final ObjectWrites writes;
  private final String url;

  private KubeApiServer(
      HttpServer server,
      ExecutorService executor,
      ObjectStore store,
      ObjectWrites writes,
      String url) {
    this.server = server;
    this.executor = executor;
    this.store = store;
    this.writes = writes;
    this.url = url;
  }

  /**
   * Starts a server on {@code port} (0 for any free port), over HTTPS when {@code tls} is given.
   *
   * @param admission checks custom resources against their CRD
   * @param tables renders Tables
   * @param openApi serves the OpenAPI documents
   */
  public static KubeApiServer start(
      int port, SSLContext tls, Admission admission, TableView tables, OpenApiView openApi) {
    try {
      InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
      HttpServer server;
      if (tls != null) {
        HttpsServer https = HttpsServer.create(address, 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        server = https;
      } else {
        server = HttpServer.create(address, 0);
      }
      Clock clock = Clock.systemUTC();
      ObjectStore store = new ObjectStore(WATCH_HISTORY, WATCH_HISTORY_BYTES);
      TypeRegistry registry = new TypeRegistry();
      ObjectWrites writes =
          new ObjectWrites(store, admission, clock, new KindBehaviour(store, registry, clock));
      Views views = new Views(tables);
      String hostPort = "127.0.0.1:" + server.getAddress().getPort();
      String url = (tls != null ? "https://" : "http://") + hostPort;
      ApiHandler handler =
          new ApiHandler(
              registry,
              new ResourceHandler(store, writes, views),
              new WatchStream(store, views),
              openApi,
              hostPort);
      server.createContext("/", handler);
      ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
      server.setExecutor(executor);
      server.start();
      KubeApiServer api = new KubeApiServer(server, executor, store, writes, url);
      api.createNamespace("default");
      api.createNamespace("kube-system");
      return api;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the embedded Kubernetes API could not listen on port " + port, e);
    }
  }

  /** The server's URL, e.g. {@code https://127.0.0.1:6443}. */
  public String url() {
    return url;
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Open watches now; a bounded server has none left after its clients go. */
  public int openWatches() {
    return store.openWatches();
  }

  /** Creates a namespace unless it exists. */
  public void createNamespace(String name) {
    ObjectNode namespace = io.pcapoperator.devcluster.http.Json.MAPPER.createObjectNode();
    namespace.putObject("metadata").put("name", name);
    try {
      writes.create(BuiltInTypes.NAMESPACES, null, namespace, WriteOptions.plain());
    } catch (io.pcapoperator.devcluster.http.ApiException exists) {
      if (exists.code() != 409) {
        throw exists;
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "kube-api-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
