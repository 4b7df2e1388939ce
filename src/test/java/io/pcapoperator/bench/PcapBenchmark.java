package io.pcapoperator.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureSpec;
import io.pcapoperator.api.v1alpha1.SecretReference;
import io.pcapoperator.app.OperatorSettings;
import io.pcapoperator.app.PcapOperator;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.cloudflare.Credentials;
import io.pcapoperator.cloudflare.HttpPcapsApi;
import io.pcapoperator.cloudflare.RequestListener;
import io.pcapoperator.cloudflare.RetryPolicy;
import io.pcapoperator.devcluster.EmbeddedKubernetes;
import io.pcapoperator.reconcile.BucketValidation;
import io.pcapoperator.reconcile.ReconcilerSettings;
import io.pcapoperator.simulator.PcapSimulator;
import io.pcapoperator.simulator.SimulatorConfig;
import io.pcapoperator.simulator.SimulatorStats;
import io.pcapoperator.testing.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs pcap-operator and a naive baseline (create, then read every 10 s; no queue, no budget)
 * against the embedded Kubernetes API and the Cloudflare simulator on a clock 10 times faster than
 * the wall clock, and prints their remote requests per capture, 429s and status staleness side by
 * side, then pcap-operator's throughput against a reconciler that only writes a status, over
 * several rounds, and its Kubernetes writes over long queues and a restart ({@link ChurnRuns}). Run
 * it with {@code mvn -q -Pbench test-compile exec:java}; add {@code -Dexec.args=throughput} for the
 * throughput rounds alone, or {@code -Dexec.args=churn} for the writes and the restart.
 */
public final class PcapBenchmark {
  private static final double TIME_SCALE = 10;
  static final String NAMESPACE = "bench";
  private static final Duration NAIVE_LIMIT = Duration.ofMinutes(3);
  private static final int THROUGHPUT_ROUNDS = 5;
  private static final int CHURN_CAPTURES = 2000;
  private static final int CHURN_ACCOUNTS = 20;

  /** 100 minutes of admissions per account take 100 s of wall time. */
  private static final double CHURN_TIME_SCALE = 60;

  private static final int RESTART_TERMINAL = 9900;
  private static final int RESTART_RUNNING = 100;

  private enum Kind {
    PCAP_OPERATOR("pcap-operator"),
    PCAP_OPERATOR_300S("pcap-op, 300 s"),
    NAIVE("naive"),
    STATUS_ONLY("status-only");

    private final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  record Workload(String name, int captures, int accounts, CaptureType type) {}

  private record Result(
      Kind kind,
      Workload workload,
      int finished,
      SimulatorStats.Snapshot stats,
      List<Double> stalenessSeconds,
      double firstStatusPerSecond) {}

  private PcapBenchmark() {}

  /**
   * With the argument {@code throughput}, only the throughput rounds run; with {@code churn}, only
   * the Kubernetes writes and the restart.
   */
  public static void main(String[] args) throws Exception {
    Workload simple = new Workload("1000 simple", 1000, 100, CaptureType.SIMPLE);
    Workload full = new Workload("20 full, 300 s", 20, 20, CaptureType.FULL);
    List<String> only = List.of(args);
    List<Result> results = new ArrayList<>();
    if (only.isEmpty()) {
      results.add(run(Kind.PCAP_OPERATOR, simple));
      results.add(run(Kind.NAIVE, simple));
      results.add(run(Kind.PCAP_OPERATOR, full));
      results.add(run(Kind.PCAP_OPERATOR_300S, full));
      results.add(run(Kind.NAIVE, full));
    }
    ChurnRuns.Writes writes = null;
    ChurnRuns.Restart restart = null;
    if (only.isEmpty() || only.contains("churn")) {
      writes = ChurnRuns.writes(CHURN_CAPTURES, CHURN_ACCOUNTS, CHURN_TIME_SCALE);
      restart = ChurnRuns.restart(RESTART_TERMINAL, RESTART_RUNNING);
    }
    List<double[]> rounds = new ArrayList<>();
    if (only.isEmpty() || only.contains("throughput")) {
      // Throughput alone: a warm-up pair, then each reconciler in turn, round after round.
      run(Kind.STATUS_ONLY, simple);
      run(Kind.PCAP_OPERATOR, simple, true);
      for (int round = 0; round < THROUGHPUT_ROUNDS; round++) {
        double floor = run(Kind.STATUS_ONLY, simple).firstStatusPerSecond();
        double ours = run(Kind.PCAP_OPERATOR, simple, true).firstStatusPerSecond();
        rounds.add(new double[] {floor, ours});
      }
    }
    print(results, rounds);
    if (writes != null) {
      ChurnRuns.print(writes, restart);
    }
    System.exit(0);
  }

  private static Result run(Kind kind, Workload workload) throws Exception {
    return run(kind, workload, false);
  }

  /** One run in a fresh API server and simulator; {@code firstStatusOnly} stops at first status. */
  private static Result run(Kind kind, Workload workload, boolean firstStatusOnly)
      throws Exception {
    ScaledClock clock = ScaledClock.startingNow(TIME_SCALE);
    try (EmbeddedKubernetes kube = EmbeddedKubernetes.start(0);
        PcapSimulator simulator = PcapSimulator.start(SimulatorConfig.defaults(), clock, 0)) {
      KubernetesClient client = kube.client();
      kube.server().createNamespace(NAMESPACE);
      Secrets.createToken(client, NAMESPACE, "cloudflare-api", SimulatorConfig.DEV_TOKEN);
      AutoCloseable operator = start(kind, client, simulator, clock);
      try {
        long started = System.nanoTime();
        for (int i = 0; i < workload.captures(); i++) {
          client.resource(capture(workload, i)).create();
        }
        awaitAll(client, c -> c.getStatus() != null, Duration.ofMinutes(5));
        double firstStatusPerSecond = workload.captures() / ((System.nanoTime() - started) / 1e9);
        if (kind == Kind.STATUS_ONLY || firstStatusOnly) {
          return new Result(
              kind, workload, 0, simulator.stats().snapshot(), List.of(), firstStatusPerSecond);
        }
        awaitAll(
            client,
            c -> c.getStatus().getPhase() != null && c.getStatus().getPhase().isTerminal(),
            kind == Kind.NAIVE ? NAIVE_LIMIT : Duration.ofMinutes(10));
        List<Double> staleness = new ArrayList<>();
        int finished = 0;
        for (PacketCapture c : captures(client)) {
          if (c.getStatus().getPhase() == null || !c.getStatus().getPhase().isTerminal()) {
            continue;
          }
          finished++;
          Instant seen = Instant.parse(c.getStatus().getLastSyncTime());
          simulator
              .finishedAt(c.getStatus().getId())
              .ifPresent(done -> staleness.add(Duration.between(done, seen).toMillis() / 1000.0));
        }
        return new Result(
            kind,
            workload,
            finished,
            simulator.stats().snapshot(),
            staleness,
            firstStatusPerSecond);
      } finally {
        operator.close();
      }
    }
  }

  private static AutoCloseable start(
      Kind kind, KubernetesClient client, PcapSimulator simulator, ScaledClock clock) {
    HttpPcapsApi api = remoteApi(simulator, clock);
    if (kind == Kind.PCAP_OPERATOR || kind == Kind.PCAP_OPERATOR_300S) {
      return PcapOperator.builder(client)
          .cloudflare(api)
          .clock(clock)
          // The simulator takes any bucket, as the operator did before full captures waited for
          // one.
          .reconcilerSettings(
              (kind == Kind.PCAP_OPERATOR
                      ? ReconcilerSettings.defaults()
                      : ReconcilerSettings.defaults().withStalenessBound(Duration.ofSeconds(300)))
                  .withBucketValidation(BucketValidation.None))
          .settings(OperatorSettings.defaults().withoutLeaderElection())
          .start();
    }
    Operator operator =
        new Operator(
            o ->
                o.withKubernetesClient(client)
                    .withUseSSAToPatchPrimaryResource(false)
                    .withCloseClientOnStop(false));
    operator.register(
        kind == Kind.NAIVE
            ? new NaivePollingReconciler(
                api, new Credentials.ApiToken(SimulatorConfig.DEV_TOKEN), clock)
            : new StatusOnlyReconciler());
    operator.start();
    return operator::stop;
  }

  /** A client of the simulator whose retries wait on {@code clock}. */
  static HttpPcapsApi remoteApi(PcapSimulator simulator, ScaledClock clock) {
    return new HttpPcapsApi(
        simulator.baseUrl(),
        Duration.ofSeconds(30),
        RetryPolicy.defaults(),
        wait -> TimeUnit.MILLISECONDS.sleep(Math.max(1, clock.toWallClock(wait).toMillis())),
        RequestListener.none());
  }

  static PacketCapture capture(Workload workload, int i) {
    PacketCaptureSpec spec = new PacketCaptureSpec();
    spec.setAccountId(String.format("%032x", 0xbe0000L + i % workload.accounts()));
    spec.setCredentialsSecretRef(new SecretReference("cloudflare-api"));
    spec.setType(workload.type());
    spec.setTimeLimit(workload.type() == CaptureType.SIMPLE ? 60 : 300);
    if (workload.type() == CaptureType.SIMPLE) {
      spec.setPacketLimit(100);
    } else {
      spec.setColoName("ORD");
      spec.setDestinationConf("gs://bench");
    }
    PacketCapture capture = new PacketCapture();
    capture.getMetadata().setName(String.format("c-%04d", i));
    capture.getMetadata().setNamespace(NAMESPACE);
    capture.setSpec(spec);
    return capture;
  }

  static List<PacketCapture> captures(KubernetesClient client) {
    return client.resources(PacketCapture.class).inNamespace(NAMESPACE).list().getItems();
  }

  static void awaitAll(KubernetesClient client, Predicate<PacketCapture> done, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && !captures(client).stream().allMatch(done)) {
      TimeUnit.MILLISECONDS.sleep(500);
    }
  }

  private static void print(List<Result> results, List<double[]> rounds) {
    if (!results.isEmpty()) {
      System.out.printf(
          "%n%-16s %-15s %9s %9s %10s %8s %10s %10s%n",
          "workload",
          "reconciler",
          "finished",
          "requests",
          "per capt.",
          "429s",
          "stale p50",
          "stale p99");
    }
    for (Result r : results) {
      System.out.printf(
          "%-16s %-15s %9s %9d %10.2f %8d %9.1fs %9.1fs%n",
          r.workload().name(),
          r.kind().label,
          r.finished() + "/" + r.workload().captures(),
          r.stats().total(),
          r.stats().total() / (double) r.workload().captures(),
          r.stats().status(429),
          percentile(r.stalenessSeconds(), 50),
          percentile(r.stalenessSeconds(), 99));
    }
    if (rounds.isEmpty()) {
      return;
    }
    System.out.printf(
        "%nfirst status per second, 1000 simple captures, warm JVM, %d rounds:%n", rounds.size());
    List<Double> ratios = new ArrayList<>();
    for (double[] round : rounds) {
      ratios.add(round[1] / round[0]);
      System.out.printf(
          "  status-only reconciler %6.1f   pcap-operator %6.1f   ratio %.2f%n",
          round[0], round[1], round[1] / round[0]);
    }
    System.out.printf("  median ratio %.2f%n", percentile(ratios, 50));
    System.out.printf(
        "clock: %sx real time; staleness is in capture-clock seconds; \"pcap-op, 300 s\" is"
            + " pcap-operator with a 300 s staleness bound instead of the default 60 s%n",
        TIME_SCALE);
  }

  private static double percentile(List<Double> values, int p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }
}
