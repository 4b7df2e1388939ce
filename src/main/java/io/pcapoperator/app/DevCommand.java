package io.pcapoperator.app;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.reconcile.BucketValidation;
import io.pcapoperator.simulator.Faults;
import io.pcapoperator.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dev}: the whole product on one machine with no cluster and no Cloudflare account. Starts
 * an embedded Kubernetes API (HTTPS, with a kubeconfig for kubectl), a Cloudflare simulator on a
 * scaled clock, an S3-compatible server and the operator; creates a demo namespace with the samples
 * and a Secret with the S3 server's keys, and a bucket there; prints how to use it with kubectl and
 * each capture's phase as it changes, until interrupted (or, with {@code --exit-when-done}, until
 * every capture is terminal). The {@code --fault-*} flags set the simulator's fault injection at
 * start; {@code POST /__admin/faults} changes it while it runs.
 */
@Command(
    name = "dev",
    description =
        "Run the operator on an embedded Kubernetes API and a Cloudflare simulator, with the"
            + " samples applied, until Ctrl-C.")
final class DevCommand implements Callable<Integer> {
  @EnvironmentVariable("PCAP_DEV_TIME_SCALE")
  @Option(
      names = "--time-scale",
      paramLabel = "<factor>",
      defaultValue = "60",
      converter = FlagConverters.PositiveNumber.class,
      description = "How many times faster than the wall clock the simulator runs.")
  private double timeScale;

  @Option(
      names = "--samples",
      paramLabel = "<dir|none>",
      defaultValue = "config/samples",
      converter = FlagConverters.DirectoryOrNone.class,
      description =
          "Directory of manifests to apply at start; none for none (dev then prints the kubectl"
              + " line that makes the credentials Secret).")
  private String samples;

  @Option(
      names = "--namespace",
      paramLabel = "<namespace>",
      defaultValue = "pcap-demo",
      description = "Namespace of the samples and of the kubeconfig.")
  private String namespace;

  @Option(
      names = "--kubeconfig",
      paramLabel = "<file>",
      defaultValue = "target/dev/kubeconfig",
      description = "Where to write the kubeconfig for kubectl.")
  private Path kubeconfig;

  @Option(
      names = "--kube-port",
      paramLabel = "<port>",
      defaultValue = "6443",
      converter = FlagConverters.Port.class,
      description = "Port of the embedded Kubernetes API; 0 for any free port.")
  private int kubePort;

  @Option(
      names = "--plain-http",
      paramLabel = "<true|false>",
      arity = "0..1",
      defaultValue = "false",
      converter = FlagConverters.Bool.class,
      description = "Serve the Kubernetes API over HTTP instead of HTTPS.")
  private boolean plainHttp;

  @Option(
      names = "--simulator-port",
      paramLabel = "<port>",
      defaultValue = "0",
      converter = FlagConverters.Port.class,
      description = "Port of the Cloudflare simulator (on 127.0.0.1); 0 for any free port.")
  private int simulatorPort;

  @Option(
      names = "--simulator-token",
      paramLabel = "<token>",
      defaultValue = SimulatorConfig.DEV_TOKEN,
      description = "API token the simulator accepts (Secret key apiToken).")
  private String simulatorToken;

  @Option(
      names = "--simulator-api-key",
      paramLabel = "<key>",
      defaultValue = "dev-api-key",
      description =
          "Global API key the simulator accepts with --simulator-email (Secret key apiKey).")
  private String simulatorApiKey;

  @Option(
      names = "--simulator-email",
      paramLabel = "<email>",
      defaultValue = "dev@example.com",
      description = "Account email of --simulator-api-key (Secret key email).")
  private String simulatorEmail;

  @Option(
      names = "--require-validated-buckets",
      paramLabel = "<true|false>",
      arity = "0..1",
      defaultValue = "false",
      converter = FlagConverters.Bool.class,
      description =
          "The simulator refuses full captures to buckets whose ownership is not validated.")
  private boolean requireValidatedBuckets;

  @Option(
      names = "--s3-port",
      paramLabel = "<port>",
      defaultValue = "9000",
      converter = FlagConverters.Port.class,
      description = "Port of the S3-compatible server (on 127.0.0.1); 0 for any free port.")
  private int s3Port;

  @Option(
      names = "--s3-access-key-id",
      paramLabel = "<id>",
      defaultValue = "pcap-dev-access-key",
      description = "Access key id the S3 server accepts (Secret key accessKeyId).")
  private String s3AccessKeyId;

  @Option(
      names = "--s3-secret-access-key",
      paramLabel = "<secret>",
      defaultValue = "pcap-dev-secret-key",
      description = "Secret access key of --s3-access-key-id (Secret key secretAccessKey).")
  private String s3SecretAccessKey;

  @Option(
      names = "--ownership-validation-delay",
      paramLabel = "<duration>",
      defaultValue = "5m",
      converter = FlagConverters.NonNegativeDuration.class,
      description =
          "Simulator time Cloudflare takes to validate a bucket's ownership challenge (Cloudflare"
              + " says five to ten minutes).")
  private Duration ownershipValidationDelay;

  @Option(
      names = "--http-port",
      paramLabel = "<port>",
      defaultValue = "0",
      converter = FlagConverters.Port.class,
      description = "Port of /metrics, /healthz and /readyz (on 127.0.0.1); 0 for any free port.")
  private int httpPort;

  @Option(
      names = "--exit-when-done",
      paramLabel = "<true|false>",
      arity = "0..1",
      defaultValue = "false",
      converter = FlagConverters.Bool.class,
      description = "Exit once every capture is terminal: 0 when all succeeded, else 1.")
  private boolean exitWhenDone;

  @Option(
      names = "--timeout",
      paramLabel = "<duration>",
      defaultValue = "120s",
      converter = FlagConverters.PositiveDuration.class,
      description = "With --exit-when-done: wall time to wait for the captures.")
  private Duration timeout;

  @Option(
      names = "--fault-error-rate",
      paramLabel = "<share>",
      defaultValue = "0",
      converter = FlagConverters.Share.class,
      description = "Share (0-1) of Cloudflare API requests the simulator answers with an error.")
  private double faultErrorRate;

  @Option(
      names = "--fault-error-status",
      paramLabel = "<status>",
      defaultValue = "503",
      converter = FlagConverters.ErrorStatus.class,
      description = "HTTP status of those errors.")
  private int faultErrorStatus;

  @Option(
      names = "--fault-latency",
      paramLabel = "<duration>",
      defaultValue = "0s",
      converter = FlagConverters.NonNegativeDuration.class,
      description = "Wall time the simulator waits before answering each API request.")
  private Duration faultLatency;

  @Option(
      names = "--fault-lost-create-rate",
      paramLabel = "<share>",
      defaultValue = "0",
      converter = FlagConverters.Share.class,
      description =
          "Share (0-1) of creates that make their capture but answer 502, as if the answer were"
              + " lost.")
  private double faultLostCreateRate;

  /** A class of CEL, the embedded API's rule engine and the largest of its libraries. */
  static final String DEV_ONLY_CLASS = "dev.cel.bundle.CelFactory";

  private final PrintStream out;
  private final CountDownLatch stop;

  /**
   * A {@code dev} run printing to {@code out}, that ends when {@code stop} counts down (or when its
   * captures are done, if asked).
   */
  DevCommand(PrintStream out, CountDownLatch stop) {
    this.out = out;
    this.stop = stop;
  }

  /** Runs until stopped; with {@code --exit-when-done}, 0 when every capture succeeded. */
  @Override
  public Integer call() throws InterruptedException {
    requireDevLibraries();
    Path kubeconfig = this.kubeconfig.toAbsolutePath().normalize();
    DevEnvironment.Settings settings = settings(kubeconfig.getParent());
    Path samples = this.samples.equals("none") ? null : Path.of(this.samples);
    List<GenericKubernetesResource> manifests =
        samples == null ? List.of() : ManifestApplier.load(samples);
    try (DevEnvironment dev = DevEnvironment.start(settings)) {
      injectFaults(dev.simulator().faults());
      dev.kube().server().createNamespace(namespace);
      createStorageSecret(dev, namespace);
      writeKubeconfig(dev, kubeconfig, namespace);
      out.printf(
          "embedded Kubernetes API at %s, Cloudflare simulator at %s (time x%s),"
              + " S3 at %s, metrics at http://127.0.0.1:%d/metrics%n",
          dev.kube().url(),
          dev.simulator().baseUrl(),
          settings.timeScale(),
          dev.s3().endpoint(),
          dev.httpPort());
      out.print(
          DevInstructions.text(
              kubeconfig,
              namespace,
              exitWhenDone,
              manifests,
              new DevInstructions.Credentials(
                  simulatorToken, simulatorApiKey, simulatorEmail, dev.simulator().baseUrl()),
              new DevInstructions.Storage(
                  dev.s3().endpoint(),
                  DevInstructions.S3_BUCKET,
                  s3AccessKeyId,
                  s3SecretAccessKey)));
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
   * Fails in one line where the libraries of the embedded API and the simulator are left out, as
   * they are from the operator's container image, which runs only {@code run}.
   */
  private static void requireDevLibraries() {
    try {
      Class.forName(DEV_ONLY_CLASS, false, DevCommand.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new OneLineFailure(
          "dev needs the libraries of the embedded Kubernetes API, which this image leaves out;"
              + " run it from the jar built by mvn package",
          e);
    }
  }

  /**
   * The settings of this run; over HTTPS the certificate is kept in {@code devDirectory}, beside
   * the kubeconfig that trusts it.
   */
  private DevEnvironment.Settings settings(Path devDirectory) {
    SimulatorConfig.Builder simulator =
        SimulatorConfig.defaults().toBuilder()
            .credentials(Set.of(simulatorToken), Map.of(simulatorEmail, simulatorApiKey))
            .ownershipValidationDelay(ownershipValidationDelay);
    if (requireValidatedBuckets) {
      simulator.requireValidatedOwnership();
    }
    return new DevEnvironment.Settings(
        timeScale,
        simulator.build(),
        plainHttp ? null : devDirectory,
        kubePort,
        simulatorPort,
        httpPort,
        new DevEnvironment.S3Settings(
            s3Port,
            s3AccessKeyId,
            s3SecretAccessKey,
            List.of(DevInstructions.S3_BUCKET),
            namespace),
        BucketValidation.PcapBucket);
  }

  /** The Secret with the S3 server's keys, for a capture's {@code output.s3} to name. */
  private void createStorageSecret(DevEnvironment dev, String namespace) {
    dev.kube()
        .client()
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(DevInstructions.S3_SECRET)
                .endMetadata()
                .withStringData(
                    Map.of("accessKeyId", s3AccessKeyId, "secretAccessKey", s3SecretAccessKey))
                .build())
        .create();
  }

  /** The faults the {@code --fault-*} flags ask for, in place before any capture is made. */
  private void injectFaults(Faults faults) {
    faults
        .errorRate(faultErrorRate, faultErrorStatus)
        .latency(faultLatency)
        .lostCreateRate(faultLostCreateRate);
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
        ManifestApplier.apply(
            dev.kube().client(), DevSamples.pointedAt(manifests, dev.s3().endpoint()), namespace);
    int captures = (int) applied.stream().filter(o -> "PacketCapture".equals(o.getKind())).count();
    out.printf("applied %d PacketCaptures from %s to namespace %s%n", captures, samples, namespace);
    return captures;
  }

  private int summary(DevEnvironment dev, boolean finished, Duration timeout) {
    List<PacketCapture> all =
        dev.kube().client().resources(PacketCapture.class).inAnyNamespace().list().getItems();
    long succeeded = all.stream().filter(c -> c.phase() == CapturePhase.Succeeded).count();
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
