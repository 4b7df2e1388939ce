package io.pcapoperator.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run}: reconciles PacketCaptures in a real cluster until the process is stopped. */
@Command(
    name = "run",
    description =
        "Reconcile PacketCaptures in the cluster of the current kubeconfig (or in-cluster), until"
            + " stopped.",
    footer = {
      "",
      "The log level is set by PCAP_LOG_LEVEL (TRACE, DEBUG, INFO, WARN, ERROR);"
          + " PCAP_LOG_FORMAT=json logs one JSON object per line."
    })
final class RunCommand implements Callable<Integer> {
  @Mixin private OperatorFlags flags;

  @EnvironmentVariable("PCAP_HTTP_PORT")
  @Option(
      names = "--http-port",
      paramLabel = "<port>",
      defaultValue = "8080",
      converter = FlagConverters.Port.class,
      description = "Port of /metrics, /healthz and /readyz; 0 for any free port.")
  private int httpPort;

  private final PrintStream out;
  private final CountDownLatch stop;

  /**
   * @param stop counted down when the operator is to stop (on SIGTERM, from a shutdown hook)
   */
  RunCommand(PrintStream out, CountDownLatch stop) {
    this.out = out;
    this.stop = stop;
  }

  /** Runs the operator with the settings of the flags until {@code stop} is counted down. */
  @Override
  public Integer call() throws InterruptedException {
    OperatorSettings settings = flags.settings();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (KubernetesClient client = new KubernetesClientBuilder().build();
        PcapOperator operator =
            PcapOperator.builder(client).settings(settings).metrics(registry).start();
        OperatorHttpServer http =
            PortUnavailableException.listening(
                "http-port",
                httpPort,
                () ->
                    OperatorHttpServer.start(
                        new InetSocketAddress(httpPort),
                        registry,
                        operator::isStarted,
                        operator::isHealthy))) {
      out.printf(
          "pcap-operator running against %s, watching %s, Cloudflare API at %s,"
              + " metrics and probes on port %d%n",
          client.getConfiguration().getMasterUrl(),
          settings.namespaces().isEmpty() ? "all namespaces" : settings.namespaces(),
          settings.cloudflareBaseUrl(),
          http.port());
      stop.await();
    }
    return 0;
  }
}
