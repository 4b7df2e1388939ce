package io.pcapoperator.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.app.OperatorSettings;
import io.pcapoperator.app.PcapOperator;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.devcluster.EmbeddedKubernetes;
import io.pcapoperator.reconcile.BucketValidation;
import io.pcapoperator.reconcile.ReconcilerSettings;
import io.pcapoperator.simulator.PcapSimulator;
import io.pcapoperator.simulator.SimulatorConfig;
import io.pcapoperator.testing.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What the operator writes to Kubernetes and how often it reconciles: over a long queue per account
 * ({@link #writes}), and when it restarts over a fleet of mostly finished captures ({@link
 * #restart}).
 */
final class ChurnRuns {
  private static final String NAMESPACE = PcapBenchmark.NAMESPACE;

  /** JOSDK's counter of reconciliations started (micrometer support, no per-resource tags). */
  private static final String RECONCILIATIONS = "operator.sdk.reconciliations.started";

  private ChurnRuns() {}

  /**
   * Writes and reconciliations per capture for {@code captures} simple captures over {@code
   * accounts} accounts, applied at once.
   *
   * @param writes every write the operator made (statuses and events), the creates not counted
   * @param events of those, the Events recorded
   */
  record Writes(
      int captures,
      int accounts,
      double timeScale,
      int finished,
      long writes,
      long events,
      double reconciliations,
      Duration wall) {}

  /**
   * A restart over {@code terminal} finished captures and {@code running} running full captures.
   *
   * @param requests remote requests from the start until it settled, by endpoint
   * @param terminalWritten finished captures whose resource changed
   * @param writes every write the operator made until it settled
   * @param settled from the start until every capture was reconciled and every running one read
   */
  record Restart(
      int terminal,
      int running,
      Map<String, Long> requests,
      int terminalWritten,
      long writes,
      double reconciliations,
      Duration settled) {}

  /** Applies the captures at once on a clock {@code timeScale} times the wall's, until all end. */
  @SuppressWarnings("try") // the resource is held open for the body, not called in it
  static Writes writes(int captures, int accounts, double timeScale) throws Exception {
    ScaledClock clock = ScaledClock.startingNow(timeScale);
    PcapBenchmark.Workload workload =
        new PcapBenchmark.Workload(captures + " simple", captures, accounts, CaptureType.SIMPLE);
    try (EmbeddedKubernetes kube = EmbeddedKubernetes.start(0);
        PcapSimulator simulator = PcapSimulator.start(SimulatorConfig.defaults(), clock, 0)) {
      KubernetesClient client = prepare(kube);
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (PcapOperator operator = start(client, simulator, clock, registry)) {
        long started = System.nanoTime();
        long before = resourceVersion(client);
        for (int i = 0; i < captures; i++) {
          client.resource(PcapBenchmark.capture(workload, i)).create();
        }
        // Each account admits one simple capture a minute: allow three times that on the wall.
        Duration queue = Duration.ofMinutes((captures + accounts - 1) / accounts);
        PcapBenchmark.awaitAll(
            client,
            c -> c.getStatus() != null && c.getStatus().getPhase() == CapturePhase.Succeeded,
            clock.toWallClock(queue).multipliedBy(3).plusMinutes(1));
        long writes = resourceVersion(client) - before - captures;
        int finished =
            (int)
                PcapBenchmark.captures(client).stream()
                    .filter(c -> c.getStatus().getPhase() == CapturePhase.Succeeded)
                    .count();
        long events = client.v1().events().inNamespace(NAMESPACE).list().getItems().size();
        return new Writes(
            captures,
            accounts,
            timeScale,
            finished,
            writes,
            events,
            reconciliations(registry),
            Duration.ofNanos(System.nanoTime() - started));
      }
    }
  }

  /**
   * Runs {@code running} full captures (one per account) and one simple capture with an operator,
   * stops it, adds finished simple captures with the simple one's status up to {@code terminal},
   * and starts the operator again, on the wall clock.
   */
  @SuppressWarnings("try") // the resource is held open for the body, not called in it
  static Restart restart(int terminal, int running) throws Exception {
    ScaledClock clock = ScaledClock.real();
    PcapBenchmark.Workload full =
        new PcapBenchmark.Workload("full", running, running, CaptureType.FULL);
    try (EmbeddedKubernetes kube = EmbeddedKubernetes.start(0);
        PcapSimulator simulator = PcapSimulator.start(SimulatorConfig.defaults(), clock, 0)) {
      KubernetesClient client = prepare(kube);
      PacketCapture template =
          PcapBenchmark.capture(new PcapBenchmark.Workload("simple", 1, 1, CaptureType.SIMPLE), 0);
      template.getMetadata().setName("done-00000");
      try (PcapOperator first = start(client, simulator, clock, new SimpleMeterRegistry())) {
        client.resource(template).create();
        for (int i = 0; i < running; i++) {
          PacketCapture capture = PcapBenchmark.capture(full, i);
          capture.getSpec().setTimeLimit(86400);
          client.resource(capture).create();
        }
        PcapBenchmark.awaitAll(
            client,
            c ->
                c.getStatus() != null
                    && (c.getStatus().getPhase() == CapturePhase.Running
                        || c.getStatus().getPhase() == CapturePhase.Succeeded),
            Duration.ofMinutes(2));
      }
      PacketCaptureStatus done =
          client
              .resources(PacketCapture.class)
              .inNamespace(NAMESPACE)
              .withName("done-00000")
              .get()
              .getStatus();
      seedFinished(client, template, done, terminal);
      Map<String, String> versions = new HashMap<>();
      for (PacketCapture c : PcapBenchmark.captures(client)) {
        if (c.getStatus().getPhase().isTerminal()) {
          versions.put(c.getMetadata().getName(), c.getMetadata().getResourceVersion());
        }
      }
      simulator.stats().reset();
      long before = resourceVersion(client);
      Instant restarted = clock.instant();
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      long started = System.nanoTime();
      try (PcapOperator second = start(client, simulator, clock, registry)) {
        awaitSettled(client, registry, restarted, terminal + running);
        Duration settled = Duration.ofNanos(System.nanoTime() - started);
        Map<String, Long> requests = simulator.stats().snapshot().byEndpoint();
        long writes = resourceVersion(client) - before;
        int terminalWritten = 0;
        for (PacketCapture c : PcapBenchmark.captures(client)) {
          String version = versions.get(c.getMetadata().getName());
          if (version != null && !version.equals(c.getMetadata().getResourceVersion())) {
            terminalWritten++;
          }
        }
        return new Restart(
            versions.size(),
            running,
            requests,
            terminalWritten,
            writes,
            reconciliations(registry),
            settled);
      }
    }
  }

  /** Creates finished captures {@code done-00001} on, each with {@code status} and its own id. */
  private static void seedFinished(
      KubernetesClient client, PacketCapture template, PacketCaptureStatus status, int terminal)
      throws Exception {
    String statusJson = Serialization.asJson(status);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (int i = 1; i < terminal; i++) {
        String name = String.format("done-%05d", i);
        String id = String.format("%032x", 0xd0e0000L + i);
        writes.add(
            pool.submit(
                () -> {
                  PacketCapture capture = new PacketCapture();
                  capture.getMetadata().setName(name);
                  capture.getMetadata().setNamespace(NAMESPACE);
                  capture.setSpec(template.getSpec());
                  PacketCapture created = client.resource(capture).create();
                  created.setStatus(Serialization.unmarshal(statusJson, PacketCaptureStatus.class));
                  created.getStatus().setId(id);
                  client.resource(created).updateStatus();
                }));
      }
      for (Future<?> write : writes) {
        write.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static void awaitSettled(
      KubernetesClient client, MeterRegistry registry, Instant restarted, int captures)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (reconciliations(registry) >= captures
          && PcapBenchmark.captures(client).stream()
              .filter(c -> c.getStatus().getPhase() == CapturePhase.Running)
              .allMatch(c -> !Instant.parse(c.getStatus().getLastSyncTime()).isBefore(restarted))) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  private static KubernetesClient prepare(EmbeddedKubernetes kube) {
    KubernetesClient client = kube.client();
    kube.server().createNamespace(NAMESPACE);
    Secrets.createToken(client, NAMESPACE, "cloudflare-api", SimulatorConfig.DEV_TOKEN);
    return client;
  }

  private static PcapOperator start(
      KubernetesClient client, PcapSimulator simulator, ScaledClock clock, MeterRegistry registry) {
    return PcapOperator.builder(client)
        .cloudflare(PcapBenchmark.remoteApi(simulator, clock))
        .clock(clock)
        // The simulator takes any bucket, as the operator did before full captures waited for one.
        .reconcilerSettings(
            ReconcilerSettings.defaults().withBucketValidation(BucketValidation.None))
        .settings(OperatorSettings.defaults().withoutLeaderElection())
        .metrics(registry)
        .start();
  }

  /** The store's version: one more for every write to the API server, of any kind. */
  private static long resourceVersion(KubernetesClient client) {
    return Long.parseLong(
        client
            .resources(PacketCapture.class)
            .inNamespace(NAMESPACE)
            .list()
            .getMetadata()
            .getResourceVersion());
  }

  private static double reconciliations(MeterRegistry registry) {
    return registry.find(RECONCILIATIONS).counters().stream().mapToDouble(Counter::count).sum();
  }

  /** Prints both runs' figures. */
  static void print(Writes writes, Restart restart) {
    System.out.printf(
        "%n%d simple captures over %d accounts, clock %sx: %d/%d succeeded in %d s%n",
        writes.captures(),
        writes.accounts(),
        writes.timeScale(),
        writes.finished(),
        writes.captures(),
        writes.wall().toSeconds());
    System.out.printf(
        "  Kubernetes writes %d (%.2f per capture; Events %d, statuses and finalizers %.2f per"
            + " capture); reconciliations %.0f (%.2f per capture)%n",
        writes.writes(),
        writes.writes() / (double) writes.captures(),
        writes.events(),
        (writes.writes() - writes.events()) / (double) writes.captures(),
        writes.reconciliations(),
        writes.reconciliations() / writes.captures());
    System.out.printf(
        "%nrestart over %d captures (%d terminal, %d running full), wall clock:%n",
        restart.terminal() + restart.running(), restart.terminal(), restart.running());
    System.out.printf(
        "  settled in %.1f s; remote requests %d %s; Kubernetes writes %d, to terminal captures"
            + " %d; reconciliations %.0f%n",
        restart.settled().toMillis() / 1000.0,
        restart.requests().values().stream().mapToLong(Long::longValue).sum(),
        restart.requests(),
        restart.writes(),
        restart.terminalWritten(),
        restart.reconciliations());
  }
}
