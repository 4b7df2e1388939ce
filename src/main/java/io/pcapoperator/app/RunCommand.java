package io.pcapoperator.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.cloudflare.HttpPcapsApi;
import io.pcapoperator.cloudflare.RequestListener;
import io.pcapoperator.cloudflare.RetryPolicy;
import io.pcapoperator.cloudflare.Sleeper;
import io.pcapoperator.reconcile.ReconcilerSettings;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code run}: reconciles PacketCaptures in a real cluster until the process is stopped. */
final class RunCommand {
  static final List<Options.Flag> FLAGS =
      List.of(
          new Options.Flag(
              "cloudflare-base-url",
              "CLOUDFLARE_BASE_URL",
              "Cloudflare API base, default " + OperatorSettings.CLOUDFLARE_BASE_URL),
          new Options.Flag(
              "namespaces", "WATCH_NAMESPACES", "comma-separated namespaces to watch, default all"),
          new Options.Flag(
              "max-poll-interval",
              "PCAP_MAX_POLL_INTERVAL",
              "longest wait between reads of a running capture, default 60s"),
          new Options.Flag(
              "request-timeout",
              "PCAP_REQUEST_TIMEOUT",
              "timeout of one Cloudflare request, default 30s"),
          new Options.Flag(
              "leader-election",
              "PCAP_LEADER_ELECTION",
              "true or false: elect one active replica through a Lease, default true"),
          new Options.Flag(
              "api-budget",
              "PCAP_API_BUDGET",
              "requests per 5 minutes per Cloudflare token for this operator, default 1200"),
          new Options.Flag(
              "http-port",
              "PCAP_HTTP_PORT",
              "port of /metrics, /healthz and /readyz, default 8080"),
          new Options.Flag(
              "leader-election-namespace",
              "POD_NAMESPACE",
              "namespace of the Lease, default the pod's namespace"));

  private final Options options;
  private final PrintStream out;
  private final CountDownLatch stop;

  /**
   * @param stop counted down when the operator is to stop (on SIGTERM, from a shutdown hook)
   */
  RunCommand(Options options, PrintStream out, CountDownLatch stop) {
    this.options = options;
    this.out = out;
    this.stop = stop;
  }

  /** Reads the settings, then runs the operator until {@code stop} is counted down. */
  int call() throws InterruptedException {
    OperatorSettings settings = settings(options);
    int httpPort = options.getPort("http-port", 8080);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (KubernetesClient client = new KubernetesClientBuilder().build();
        PcapOperator operator =
            PcapOperator.start(
                client,
                cloudflare(settings, ScaledClock.real(), new RemoteRequestMetrics(registry)),
                ScaledClock.real(),
                reconcilerSettings(settings),
                settings,
                registry,
                ProcessExit.SYSTEM);
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

  /** The operator settings from flags and environment. */
  static OperatorSettings settings(Options options) {
    OperatorSettings defaults = OperatorSettings.defaults();
    return new OperatorSettings(
        options.get("cloudflare-base-url", defaults.cloudflareBaseUrl()),
        options.getSet("namespaces"),
        options.getDuration("max-poll-interval", defaults.maxPollInterval()),
        options.getDuration("request-timeout", defaults.requestTimeout()),
        options.getBoolean("leader-election", defaults.leaderElection()),
        options.get("leader-election-namespace"),
        options.getInt("api-budget", defaults.apiBudget()));
  }

  /** The Cloudflare client for {@code settings}; retries wait on {@code clock}'s time scale. */
  static HttpPcapsApi cloudflare(
      OperatorSettings settings, ScaledClock clock, RequestListener listener) {
    Sleeper sleeper = wait -> Thread.sleep(Math.max(1, clock.toWallClock(wait).toMillis()));
    return new HttpPcapsApi(
        settings.cloudflareBaseUrl(),
        settings.requestTimeout(),
        RetryPolicy.defaults(),
        sleeper,
        listener);
  }

  /** The reconciler's settings, with the staleness bound from {@code settings}. */
  static ReconcilerSettings reconcilerSettings(OperatorSettings settings) {
    return ReconcilerSettings.defaults().withStalenessBound(settings.maxPollInterval());
  }
}
