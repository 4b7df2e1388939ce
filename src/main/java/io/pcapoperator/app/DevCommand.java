package io.pcapoperator.app;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code dev}: the whole product on one machine with no cluster and no Cloudflare account. Starts
 * an embedded Kubernetes API (HTTPS, with a kubeconfig for kubectl), a Cloudflare simulator on a
 * scaled clock and the operator; creates a demo namespace with the samples; prints how to use it
 * with kubectl and each capture's phase as it changes, until interrupted (or, with {@code
 * --exit-when-done}, until every capture is terminal).
 */
final class DevCommand {
  static final String DEFAULT_NAMESPACE = "pcap-demo";

  static final List<Options.Flag> FLAGS =
      List.of(
          new Options.Flag(
              "time-scale",
              "PCAP_DEV_TIME_SCALE",
              "how many times faster than real time the simulator runs, default 60"),
          new Options.Flag(
              "samples",
              null,
              "directory of manifests to apply at start, default config/samples; none for none"),
          new Options.Flag(
              "namespace",
              null,
              "namespace of the samples and of the kubeconfig, default pcap-demo"),
          new Options.Flag(
              "kubeconfig", null, "where to write the kubeconfig, default target/dev/kubeconfig"),
          new Options.Flag(
              "kube-port", null, "port of the embedded Kubernetes API, default 6443; 0 for any"),
          new Options.Flag("plain-http", null, "serve the Kubernetes API over HTTP, default false"),
          new Options.Flag(
              "simulator-port", null, "port of the Cloudflare simulator, default any free port"),
          new Options.Flag(
              "simulator-token",
              null,
              "API token the simulator accepts, default " + SimulatorConfig.DEV_TOKEN),
          new Options.Flag(
              "require-validated-buckets",
              null,
              "the simulator refuses full captures to buckets not validated, default false"),
          new Options.Flag(
              "http-port", null, "port of /metrics, /healthz and /readyz, default any free port"),
          new Options.Flag(
              "exit-when-done",
              null,
              "exit once every capture is terminal (0 when all succeeded), default false"),
          new Options.Flag(
              "timeout", null, "with --exit-when-done: wall time to wait, default 120s"));

  private final Options options;
  private final PrintStream out;
  private final CountDownLatch stop;

  /**
   * A {@code dev} run with {@code options}, printing to {@code out}, that ends when {@code stop}
   * counts down (or when its captures are done, if asked).
   */
  DevCommand(Options options, PrintStream out, CountDownLatch stop) {
    this.options = options;
    this.out = out;
    this.stop = stop;
  }

  /** Runs until stopped; with {@code --exit-when-done}, 0 when every capture succeeded. */
  int call() throws InterruptedException {
    String token = options.get("simulator-token", SimulatorConfig.DEV_TOKEN);
    Path kubeconfig =
        Path.of(options.get("kubeconfig", "target/dev/kubeconfig")).toAbsolutePath().normalize();
    DevEnvironment.Settings settings = settings(token, kubeconfig.getParent());
    String namespace = options.get("namespace", DEFAULT_NAMESPACE);
    Path samples = samples();
    List<GenericKubernetesResource> manifests =
        samples == null ? List.of() : ManifestApplier.load(samples);
    boolean exitWhenDone = options.getBoolean("exit-when-done", false);
    Duration timeout = options.getDuration("timeout", Duration.ofSeconds(120));
    try (DevEnvironment dev = DevEnvironment.start(settings)) {
      dev.kube().server().createNamespace(namespace);
      writeKubeconfig(dev, kubeconfig, namespace);
      out.printf(
          "embedded Kubernetes API at %s, Cloudflare simulator at %s (time x%s),"
              + " metrics at http://127.0.0.1:%d/metrics%n",
          dev.kube().url(), dev.simulator().baseUrl(), settings.timeScale(), dev.httpPort());
      out.print(DevInstructions.text(kubeconfig, namespace, exitWhenDone, manifests, token));
      try (PhaseReporter reporter = new PhaseReporter(dev.kube().client(), out)) {
        int captures = samples == null ? 0 : applySamples(dev, samples, manifests, namespace);
        if (!exitWhenDone) {
          stop.await();
          out.println("stopping");
          return 0;
        }
        boolean finished = reporter.awaitAllTerminal(captures, timeout);
        return summary(dev, finished, timeout);
      }
    }
  }

  /**
   * The settings of this run; over HTTPS the certificate is kept in {@code devDirectory}, beside
   * the kubeconfig that trusts it.
   */
  private DevEnvironment.Settings settings(String token, Path devDirectory) {
    double scale = options.getDouble("time-scale", 60);
    if (!(scale > 0)) {
      throw new UsageException("--time-scale must be positive, got " + scale);
    }
    SimulatorConfig.Builder simulator =
        SimulatorConfig.defaults().toBuilder().credentials(Set.of(token), java.util.Map.of());
    if (options.getBoolean("require-validated-buckets", false)) {
      simulator.requireValidatedOwnership();
    }
    return new DevEnvironment.Settings(
        scale,
        simulator.build(),
        options.getBoolean("plain-http", false) ? null : devDirectory,
        options.getPort("kube-port", 6443),
        options.getPort("simulator-port", 0),
        options.getPort("http-port", 0));
  }

  private Path samples() {
    String samples = options.get("samples", "config/samples");
    if (samples.equals("none")) {
      return null;
    }
    Path dir = Path.of(samples);
    if (!Files.isDirectory(dir)) {
      throw new UsageException("--samples " + dir + " is not a directory");
    }
    return dir;
  }

  private static void writeKubeconfig(DevEnvironment dev, Path kubeconfig, String namespace) {
    try {
      dev.kube().writeKubeconfig(kubeconfig, namespace);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the kubeconfig " + kubeconfig, e);
    }
  }

  private int applySamples(
      DevEnvironment dev,
      Path samples,
      List<GenericKubernetesResource> manifests,
      String namespace) {
    List<GenericKubernetesResource> applied =
        ManifestApplier.apply(dev.kube().client(), manifests, namespace);
    int captures = (int) applied.stream().filter(o -> "PacketCapture".equals(o.getKind())).count();
    out.printf("applied %d PacketCaptures from %s to namespace %s%n", captures, samples, namespace);
    return captures;
  }

  private int summary(DevEnvironment dev, boolean finished, Duration timeout) {
    List<PacketCapture> all =
        dev.kube().client().resources(PacketCapture.class).inAnyNamespace().list().getItems();
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
        dev.simulator().stats().snapshot().total(),
        dev.simulator().stats().snapshot().byEndpoint());
    return finished && succeeded == all.size() ? 0 : 1;
  }
}
