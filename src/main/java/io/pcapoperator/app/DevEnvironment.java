package io.pcapoperator.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.devcluster.EmbeddedKubernetes;
import io.pcapoperator.devcluster.ServingCertificate;
import io.pcapoperator.simulator.PcapSimulator;
import io.pcapoperator.simulator.SimulatorConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * What {@code dev} runs, started together and closed together: the embedded Kubernetes API with the
 * CRD, a Cloudflare simulator on a scaled clock, the operator, and its metrics and probes.
 */
final class DevEnvironment implements AutoCloseable {
  /**
   * How to start it.
   *
   * @param timeScale how many times faster than the wall clock the simulator runs
   * @param simulator the simulator's accounts, tokens and limits
   * @param certificateDirectory where the Kubernetes API's HTTPS certificate and key are kept and
   *     reused from run to run; {@code null} for plain HTTP
   * @param kubePort the Kubernetes API's port, 0 for any free one
   * @param simulatorPort the simulator's port, 0 for any free one
   * @param httpPort the port of {@code /metrics}, {@code /healthz}, {@code /readyz}, 0 for any
   */
  record Settings(
      double timeScale,
      SimulatorConfig simulator,
      Path certificateDirectory,
      int kubePort,
      int simulatorPort,
      int httpPort) {}

  private final EmbeddedKubernetes kube;
  private final PcapSimulator simulator;
  private final PcapOperator operator;
  private final OperatorHttpServer http;

  private DevEnvironment(
      EmbeddedKubernetes kube,
      PcapSimulator simulator,
      PcapOperator operator,
      OperatorHttpServer http) {
    this.kube = kube;
    this.simulator = simulator;
    this.operator = operator;
    this.http = http;
  }

  /**
   * Starts every part; what started is closed again if a later part fails to. A port that cannot be
   * bound is reported by the {@code dev} flag that gave it ({@link PortUnavailableException}).
   */
  static DevEnvironment start(Settings settings) {
    ScaledClock clock = ScaledClock.startingNow(settings.timeScale());
    OperatorSettings operatorSettings = OperatorSettings.defaults();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    EmbeddedKubernetes kube =
        PortUnavailableException.listening(
            "kube-port",
            settings.kubePort(),
            () ->
                settings.certificateDirectory() != null
                    ? EmbeddedKubernetes.startHttps(
                        settings.kubePort(),
                        ServingCertificate.loadOrGenerate(settings.certificateDirectory()))
                    : EmbeddedKubernetes.start(settings.kubePort()));
    PcapSimulator simulator = null;
    PcapOperator operator = null;
    try {
      simulator =
          PortUnavailableException.listening(
              "simulator-port",
              settings.simulatorPort(),
              () -> PcapSimulator.start(settings.simulator(), clock, settings.simulatorPort()));
      operator =
          PcapOperator.builder(kube.client())
              .clock(clock)
              .settings(operatorSettings.withBaseUrl(simulator.baseUrl()).withoutLeaderElection())
              .metrics(registry)
              .start();
      PcapOperator started = operator;
      OperatorHttpServer http =
          PortUnavailableException.listening(
              "http-port",
              settings.httpPort(),
              () ->
                  OperatorHttpServer.start(
                      new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.httpPort()),
                      registry,
                      started::isStarted,
                      started::isHealthy));
      return new DevEnvironment(kube, simulator, operator, http);
    } catch (RuntimeException failed) {
      closeQuietly(operator);
      closeQuietly(simulator);
      kube.close();
      throw failed;
    }
  }

  EmbeddedKubernetes kube() {
    return kube;
  }

  PcapSimulator simulator() {
    return simulator;
  }

  /** The port of {@code /metrics}, {@code /healthz} and {@code /readyz}. */
  int httpPort() {
    return http.port();
  }

  /** Stops the operator first, so that nothing it does meets a closed API or simulator. */
  @Override
  public void close() {
    http.close();
    operator.close();
    simulator.close();
    kube.close();
  }

  private static void closeQuietly(AutoCloseable part) {
    if (part == null) {
      return;
    }
    try {
      part.close();
    } catch (Exception ignored) {
      // Already failing to start: the first failure is the one to report.
    }
  }
}
