package io.pcapoperator.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.devcluster.EmbeddedKubernetes;
import io.pcapoperator.devcluster.ServingCertificate;
import io.pcapoperator.reconcile.BucketValidation;
import io.pcapoperator.reconcile.DefaultOutput;
import io.pcapoperator.simulator.BucketWriter;
import io.pcapoperator.simulator.EmbeddedS3;
import io.pcapoperator.simulator.PcapSimulator;
import io.pcapoperator.simulator.SimulatorConfig;
import io.pcapoperator.storage.StorageCredentials;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code dev} runs, started together and closed together: the embedded Kubernetes API with the
 * CRD, a Cloudflare simulator on a scaled clock, an S3-compatible server (into which the simulator
 * writes full captures' files), the operator, and its metrics and probes.
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
   * @param s3 the S3-compatible server's port, keys and buckets
   * @param bucketValidation how full captures' buckets are checked before they are sent
   */
  record Settings(
      double timeScale,
      SimulatorConfig simulator,
      Path certificateDirectory,
      int kubePort,
      int simulatorPort,
      int httpPort,
      S3Settings s3,
      BucketValidation bucketValidation) {}

  /**
   * The S3-compatible server.
   *
   * @param port its port, 0 for any free one
   * @param accessKeyId the access key id it accepts
   * @param secretAccessKey the secret of that key
   * @param buckets the buckets it starts with; the first is the operator's default output
   * @param secretNamespace the namespace of the Secret {@value DevInstructions#S3_SECRET} with the
   *     keys, which the default output reads
   */
  record S3Settings(
      int port,
      String accessKeyId,
      String secretAccessKey,
      List<String> buckets,
      String secretNamespace) {

    /** The operator's default output: the first bucket, if there is one. */
    Optional<DefaultOutput> defaultOutput(URI endpoint) {
      return buckets.stream()
          .findFirst()
          .map(
              bucket ->
                  new DefaultOutput(
                      bucket,
                      null,
                      endpoint.toString(),
                      null,
                      true,
                      secretNamespace,
                      DevInstructions.S3_SECRET,
                      Optional.empty()));
    }
  }

  private final EmbeddedKubernetes kube;
  private final PcapSimulator simulator;
  private final EmbeddedS3 s3;
  private final PcapOperator operator;
  private final OperatorHttpServer http;

  private DevEnvironment(
      EmbeddedKubernetes kube,
      PcapSimulator simulator,
      EmbeddedS3 s3,
      PcapOperator operator,
      OperatorHttpServer http) {
    this.kube = kube;
    this.simulator = simulator;
    this.s3 = s3;
    this.operator = operator;
    this.http = http;
  }

  /**
   * Starts every part; what started is closed again if a later part fails to. A port that cannot be
   * bound is reported by the {@code dev} flag that gave it ({@link PortUnavailableException}).
   */
  static DevEnvironment start(Settings settings) {
    ScaledClock clock = ScaledClock.startingNow(settings.timeScale());
    OperatorSettings operatorSettings =
        OperatorSettings.defaults().withBucketValidation(settings.bucketValidation());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    EmbeddedKubernetes kube = startKube(settings);
    PcapSimulator simulator = null;
    EmbeddedS3 s3 = null;
    PcapOperator operator = null;
    try {
      simulator =
          PortUnavailableException.listening(
              "simulator-port",
              settings.simulatorPort(),
              () -> PcapSimulator.start(settings.simulator(), clock, settings.simulatorPort()));
      S3Settings storage = settings.s3();
      s3 = startS3(storage);
      simulator.writeBucketsWith(
          new BucketWriter(
              s3.endpoint(),
              new StorageCredentials(storage.accessKeyId(), storage.secretAccessKey())));
      OperatorSettings withStorage =
          storage
              .defaultOutput(s3.endpoint())
              .map(operatorSettings::withDefaultOutput)
              .orElse(operatorSettings);
      operator =
          PcapOperator.builder(kube.client())
              .clock(clock)
              .settings(withStorage.withBaseUrl(simulator.baseUrl()).withoutLeaderElection())
              .metrics(registry)
              .start();
      OperatorHttpServer http = startHttp(settings.httpPort(), registry, operator);
      return new DevEnvironment(kube, simulator, s3, operator, http);
    } catch (RuntimeException failed) {
      closeQuietly(operator);
      closeQuietly(s3);
      closeQuietly(simulator);
      kube.close();
      throw failed;
    }
  }

  private static EmbeddedKubernetes startKube(Settings settings) {
    return PortUnavailableException.listening(
        "kube-port",
        settings.kubePort(),
        () ->
            settings.certificateDirectory() != null
                ? EmbeddedKubernetes.startHttps(
                    settings.kubePort(),
                    ServingCertificate.loadOrGenerate(settings.certificateDirectory()))
                : EmbeddedKubernetes.start(settings.kubePort()));
  }

  private static EmbeddedS3 startS3(S3Settings storage) {
    return PortUnavailableException.listening(
        "s3-port",
        storage.port(),
        () ->
            EmbeddedS3.start(
                storage.port(),
                storage.accessKeyId(),
                storage.secretAccessKey(),
                storage.buckets()));
  }

  private static OperatorHttpServer startHttp(
      int port, PrometheusMeterRegistry registry, PcapOperator operator) {
    return PortUnavailableException.listening(
        "http-port",
        port,
        () ->
            OperatorHttpServer.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                registry,
                operator::isStarted,
                operator::isHealthy));
  }

  EmbeddedKubernetes kube() {
    return kube;
  }

  PcapSimulator simulator() {
    return simulator;
  }

  EmbeddedS3 s3() {
    return s3;
  }

  /** The port of {@code /metrics}, {@code /healthz} and {@code /readyz}. */
  int httpPort() {
    return http.port();
  }

  /** Stops the operator first, so that nothing it does meets a closed API, simulator or store. */
  @Override
  public void close() {
    http.close();
    operator.close();
    s3.close();
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
