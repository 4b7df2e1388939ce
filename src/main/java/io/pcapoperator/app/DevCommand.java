package io.pcapoperator.app;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.devcluster.EmbeddedKubernetes;
import io.pcapoperator.simulator.PcapSimulator;
import io.pcapoperator.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code dev}: the whole product on one machine with no cluster and no Cloudflare account. Starts
 * an embedded Kubernetes API with the CRD, a Cloudflare simulator on a scaled clock and the
 * operator; applies the samples; prints each capture's phase as it changes until all are done.
 */
final class DevCommand {
  static final String NAMESPACE = "default";

  static final List<Options.Flag> FLAGS =
      List.of(
          new Options.Flag(
              "time-scale",
              "PCAP_DEV_TIME_SCALE",
              "how many times faster than real time the simulator runs, default 60"),
          new Options.Flag(
              "samples", null, "directory of manifests to apply, default config/samples"),
          new Options.Flag("timeout", null, "wall time to wait for every capture, default 120s"),
          new Options.Flag(
              "kube-port", null, "port of the embedded Kubernetes API, default any free port"),
          new Options.Flag(
              "simulator-port", null, "port of the Cloudflare simulator, default any free port"),
          new Options.Flag(
              "http-port", null, "port of /metrics, /healthz and /readyz, default any free port"));

  private final Options options;
  private final PrintStream out;

  DevCommand(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /** Runs the samples to completion; 0 when every capture succeeded. */
  int call() throws InterruptedException {
    double scale = options.getDouble("time-scale", 60);
    if (!(scale > 0)) {
      throw new UsageException("--time-scale must be positive, got " + scale);
    }
    Path samples = Path.of(options.get("samples", "config/samples"));
    if (!Files.isDirectory(samples)) {
      throw new UsageException("--samples " + samples + " is not a directory");
    }
    Duration timeout = options.getDuration("timeout", Duration.ofSeconds(120));
    ScaledClock clock = ScaledClock.startingNow(scale);
    OperatorSettings settings = OperatorSettings.defaults();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (EmbeddedKubernetes kube = EmbeddedKubernetes.start(options.getInt("kube-port", 0));
        PcapSimulator simulator =
            PcapSimulator.start(
                SimulatorConfig.defaults(), clock, options.getInt("simulator-port", 0));
        PcapOperator operator =
            PcapOperator.start(
                kube.client(),
                RunCommand.cloudflare(
                    settings.withBaseUrl(simulator.baseUrl()),
                    clock,
                    new RemoteRequestMetrics(registry)),
                clock,
                RunCommand.reconcilerSettings(settings),
                settings.withoutLeaderElection(),
                registry);
        OperatorHttpServer http =
            OperatorHttpServer.start(
                new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), options.getInt("http-port", 0)),
                registry,
                operator::isStarted,
                operator::isHealthy)) {
      out.printf(
          "embedded Kubernetes API at %s, Cloudflare simulator at %s (time x%s),"
              + " metrics at http://127.0.0.1:%d/metrics%n",
          kube.url(), simulator.baseUrl(), scale, http.port());
      boolean finished;
      try (PhaseReporter reporter = new PhaseReporter(kube.client(), out)) {
        int captures = apply(kube.client(), samples);
        out.printf("applied %d PacketCaptures from %s%n", captures, samples);
        finished = reporter.awaitAllTerminal(captures, timeout);
      }
      List<PacketCapture> all =
          kube.client().resources(PacketCapture.class).inNamespace(NAMESPACE).list().getItems();
      long succeeded =
          all.stream()
              .filter(
                  c -> c.getStatus() != null && c.getStatus().getPhase() == CapturePhase.Succeeded)
              .count();
      out.printf(
          "%s: %d of %d captures succeeded; %d requests to the Cloudflare API %s%n",
          finished ? "done" : "timed out after " + timeout.toSeconds() + " s",
          succeeded,
          all.size(),
          simulator.stats().snapshot().total(),
          simulator.stats().snapshot().byEndpoint());
      return finished && succeeded == all.size() ? 0 : 1;
    }
  }

  /** Creates every manifest in {@code dir}, Secrets first; returns how many PacketCaptures. */
  private static int apply(KubernetesClient client, Path dir) {
    List<String> manifests;
    try (Stream<Path> files = Files.list(dir)) {
      manifests =
          files
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .filter(p -> !p.getFileName().toString().startsWith("kustomization"))
              .sorted()
              .map(DevCommand::read)
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    manifests.stream()
        .filter(m -> "Secret".equals(kind(m)))
        .forEach(
            m ->
                client
                    .secrets()
                    .inNamespace(NAMESPACE)
                    .resource(Serialization.unmarshal(m, Secret.class))
                    .create());
    List<String> captures =
        manifests.stream().filter(m -> "PacketCapture".equals(kind(m))).toList();
    captures.forEach(
        m ->
            client
                .resources(PacketCapture.class)
                .inNamespace(NAMESPACE)
                .resource(Serialization.unmarshal(m, PacketCapture.class))
                .create());
    return captures.size();
  }

  private static String kind(String manifest) {
    return Serialization.unmarshal(manifest, GenericKubernetesResource.class).getKind();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
