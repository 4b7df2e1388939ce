package io.pcapoperator.app;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureSpec;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.devcluster.EmbeddedKubernetes;
import io.pcapoperator.reconcile.BucketValidation;
import io.pcapoperator.simulator.PcapSimulator;
import io.pcapoperator.simulator.SimulatorConfig;
import io.pcapoperator.testing.Secrets;
import io.pcapoperator.testing.Specs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * The real operator against the embedded Kubernetes API and the Cloudflare simulator, both on a
 * clock 100 times faster than the wall clock: five minutes of capture take three seconds.
 */
final class OperatorHarness implements AutoCloseable {
  static final String ACCOUNT = Specs.ACCOUNT;
  static final String NAMESPACE = "netops";
  static final String SECRET = Specs.SECRET;
  static final double TIME_SCALE = 100;

  final ScaledClock clock;
  final EmbeddedKubernetes kube;
  final PcapSimulator simulator;
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** Why the operator would have ended the process, had it been a process of its own. */
  final List<String> exits = new CopyOnWriteArrayList<>();

  private PcapOperator operator;

  /** How full captures' buckets are checked; off unless a test turns it on. */
  BucketValidation bucketValidation = BucketValidation.None;

  private OperatorHarness(SimulatorConfig config, double timeScale, long seed) {
    this.clock = ScaledClock.startingNow(timeScale);
    this.kube = EmbeddedKubernetes.start(0);
    kube.server().createNamespace(NAMESPACE);
    this.simulator = PcapSimulator.start(config, clock, 0, seed);
    startOperator();
  }

  static OperatorHarness start() {
    return start(TIME_SCALE);
  }

  /** A harness whose clocks run {@code timeScale} times faster than the wall clock. */
  static OperatorHarness start(double timeScale) {
    return start(timeScale, 42);
  }

  /** A harness whose simulator behaves as {@code config} says. */
  static OperatorHarness start(SimulatorConfig config) {
    return new OperatorHarness(config, TIME_SCALE, 42);
  }

  /** As {@link #start(double)}, the simulator's random faults drawn from {@code seed}. */
  static OperatorHarness start(double timeScale, long seed) {
    return new OperatorHarness(SimulatorConfig.defaults(), timeScale, seed);
  }

  KubernetesClient client() {
    return kube.client();
  }

  void startOperator() {
    operator =
        PcapOperator.builder(kube.client())
            .clock(clock)
            .settings(
                OperatorSettings.defaults()
                    .withBaseUrl(simulator.baseUrl())
                    .withoutLeaderElection()
                    .withBucketValidation(bucketValidation))
            .metrics(registry)
            .onFatalFailure(exits::add)
            .start();
  }

  PcapOperator operator() {
    return operator;
  }

  void stopOperator() {
    operator.close();
  }

  void createTokenSecret(String token) {
    Secrets.createToken(client(), NAMESPACE, SECRET, token);
  }

  static PacketCapture simple(String name) {
    return capture(name, Specs.simple());
  }

  static PacketCapture full(String name, int timeLimit) {
    return capture(name, Specs.full(timeLimit));
  }

  private static PacketCapture capture(String name, PacketCaptureSpec spec) {
    PacketCapture capture = new PacketCapture();
    capture.getMetadata().setName(name);
    capture.getMetadata().setNamespace(NAMESPACE);
    capture.setSpec(spec);
    return capture;
  }

  PacketCapture apply(PacketCapture capture) {
    return client().resource(capture).create();
  }

  /**
   * Sets one annotation with a JSON merge patch that carries no resourceVersion, as {@code kubectl
   * annotate} does, so a status write by the operator at the same moment cannot make it conflict.
   */
  void annotate(String name, String key, String value) {
    client()
        .resources(PacketCapture.class)
        .inNamespace(NAMESPACE)
        .withName(name)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\"" + key + "\":\"" + value + "\"}}}");
  }

  PacketCapture get(String name) {
    return client().resources(PacketCapture.class).inNamespace(NAMESPACE).withName(name).get();
  }

  /** Waits until the capture satisfies {@code condition}; returns it. */
  PacketCapture await(String name, Predicate<PacketCapture> condition, Duration timeout) {
    return Awaitility.await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> get(name), c -> c != null && condition.test(c));
  }

  PacketCapture awaitPhase(String name, CapturePhase phase) {
    return await(
        name,
        c -> c.getStatus() != null && c.getStatus().getPhase() == phase,
        Duration.ofSeconds(20));
  }

  List<Event> events(String name) {
    return client().v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  static String readyReason(PacketCapture capture) {
    return capture.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .map(c -> c.getReason())
        .findFirst()
        .orElse(null);
  }

  @Override
  public void close() {
    operator.close();
    simulator.close();
    kube.close();
  }
}
