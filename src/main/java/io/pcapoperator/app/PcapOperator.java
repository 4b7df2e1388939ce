package io.pcapoperator.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pcapoperator.api.v1alpha1.BucketPhase;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.cloudflare.PcapsApi;
import io.pcapoperator.cloudflare.budget.ApiBudget;
import io.pcapoperator.cloudflare.budget.BudgetedPcapsApi;
import io.pcapoperator.reconcile.ArtifactMetrics;
import io.pcapoperator.reconcile.CaptureEvents;
import io.pcapoperator.reconcile.CaptureStorage;
import io.pcapoperator.reconcile.PacketCaptureReconciler;
import io.pcapoperator.reconcile.PhaseCensus;
import io.pcapoperator.reconcile.QueueWaits;
import io.pcapoperator.reconcile.ReconcilerSettings;
import io.pcapoperator.reconcile.bucket.BucketCensus;
import io.pcapoperator.reconcile.bucket.BucketSettings;
import io.pcapoperator.reconcile.bucket.PcapBucketReconciler;
import io.pcapoperator.reconcile.bucket.S3ChallengeReader;
import io.pcapoperator.storage.ObjectStore;
import io.pcapoperator.storage.S3ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running operator: a JOSDK {@link Operator} with the PacketCapture and PcapBucket controllers
 * registered, sharing the budgeted Cloudflare client and the Event recorder. Primary-resource
 * writes use JSON patches rather than server-side apply, which the embedded API does not serve; the
 * controller writes status itself with optimistic locking.
 */
public final class PcapOperator implements AutoCloseable {
  /**
   * Retries of a reconciliation that failed on the Kubernetes API (remote failures are handled
   * inside the reconciler): 2 s doubling to 5 min, without end, so that a capture is never left
   * behind after an API server outage.
   */
  private static final GenericRetry KUBERNETES_RETRY =
      new GenericRetry()
          .setInitialInterval(Duration.ofSeconds(2))
          .setIntervalMultiplier(2)
          .setMaxInterval(Duration.ofMinutes(5).toMillis())
          .withoutMaxAttempts();

  private static final Logger LOG = LoggerFactory.getLogger(PcapOperator.class);

  private final Operator operator;
  private final AtomicBoolean closing;
  private final AtomicBoolean standby;
  private final ObjectStore objects;

  /** A builder of an operator against {@code client}, with every other part defaulted. */
  public static OperatorBuilder builder(KubernetesClient client) {
    return new OperatorBuilder(client);
  }

  private PcapOperator(
      Operator operator, AtomicBoolean closing, AtomicBoolean standby, ObjectStore objects) {
    this.operator = operator;
    this.objects = objects;
    this.closing = closing;
    this.standby = standby;
  }

  /**
   * Starts the controller against {@code client}, watching {@code namespaces} (all when empty). The
   * client stays open when the operator stops. When an informer fails for good, or a leader loses
   * its lease, the process ends through {@code exit}.
   */
  static PcapOperator start(
      KubernetesClient client,
      PcapsApi api,
      ScaledClock clock,
      ReconcilerSettings settings,
      OperatorSettings operatorSettings,
      MeterRegistry registry,
      ProcessExit exit) {
    AtomicBoolean closing = new AtomicBoolean();
    AtomicBoolean standby = new AtomicBoolean(operatorSettings.leaderElection());
    InformerFailureHandler informerFailures = new InformerFailureHandler(exit);
    Operator operator =
        operator(client, operatorSettings, registry, closing, standby, exit, informerFailures);
    ApiBudget budget = new ApiBudget(operatorSettings.apiBudget(), Duration.ofMinutes(5), clock);
    Gauge.builder("pcap_operator_api_budget_remaining", budget, ApiBudget::remaining)
        .description("Requests left in the tightest Cloudflare credential's budget")
        .register(registry);
    ObjectStore objects = new S3ObjectStore();
    PcapsApi budgeted = new BudgetedPcapsApi(api, budget);
    // Event times are read against the API server's clock, which the capture clock may outrun
    // (dev's simulator runs faster than real time).
    CaptureEvents events = new CaptureEvents(client, Clock.systemUTC());
    Consumer<ControllerConfigurationOverrider<?>> watching =
        watching(operatorSettings.namespaces());
    operator.register(
        new PacketCaptureReconciler(
            budgeted,
            events,
            clock,
            settings,
            census(registry),
            queueWaits(registry),
            new CaptureStorage(
                objects, operatorSettings.defaultOutput(), artifactMetrics(registry))),
        watching::accept);
    operator.register(
        new PcapBucketReconciler(
            budgeted,
            new S3ChallengeReader(objects, client),
            events,
            clock,
            BucketSettings.from(settings),
            bucketCensus(registry)),
        watching::accept);
    operator.start();
    informerFailures.operatorStarted();
    return new PcapOperator(operator, closing, standby, objects);
  }

  /** The JOSDK operator, with leader election when the settings ask for it. */
  private static Operator operator(
      KubernetesClient client,
      OperatorSettings operatorSettings,
      MeterRegistry registry,
      AtomicBoolean closing,
      AtomicBoolean standby,
      ProcessExit exit,
      InformerFailureHandler informerFailures) {
    return new Operator(
        o -> {
          o.withKubernetesClient(client)
              .withUseSSAToPatchPrimaryResource(false)
              .withCloseClientOnStop(false)
              .withStopOnInformerErrorDuringStartup(true)
              .withInformerStoppedHandler(informerFailures::onStop)
              .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry));
          if (operatorSettings.leaderElection()) {
            o.withLeaderElectionConfiguration(
                leaderElection(
                    operatorSettings.leaseNamespace().orElse(null), closing, standby, exit));
          }
        });
  }

  /** Each controller's retry, and the namespaces it watches (all when none are given). */
  private static Consumer<ControllerConfigurationOverrider<?>> watching(Set<String> namespaces) {
    return config -> {
      config.withRetry(KUBERNETES_RETRY);
      if (!namespaces.isEmpty()) {
        config.settingNamespaces(namespaces);
      }
    };
  }

  /** The census of phases the operator writes, published as gauges. */
  private static PhaseCensus census(MeterRegistry registry) {
    PhaseCensus census = new PhaseCensus();
    Gauge.builder("pcap_operator_queue_depth", census, c -> c.count(CapturePhase.Queued))
        .description("PacketCaptures waiting for their account")
        .register(registry);
    for (CapturePhase phase : CapturePhase.values()) {
      Gauge.builder("pcap_operator_captures", census, c -> c.count(phase))
          .description("PacketCaptures by phase, as this operator last wrote them")
          .tag("phase", phase.name())
          .register(registry);
    }
    return census;
  }

  /** The census of bucket phases the operator writes, published as gauges. */
  private static BucketCensus bucketCensus(MeterRegistry registry) {
    BucketCensus census = new BucketCensus();
    for (BucketPhase phase : BucketPhase.values()) {
      Gauge.builder("pcap_operator_buckets", census, c -> c.count(phase))
          .description("PcapBuckets by phase, as this operator last wrote them")
          .tag("phase", phase.name())
          .register(registry);
    }
    return census;
  }

  /** Records how long admitted captures waited for their account, in capture-clock seconds. */
  private static QueueWaits queueWaits(MeterRegistry registry) {
    DistributionSummary waits =
        DistributionSummary.builder("pcap_operator_queue_wait_seconds")
            .description("How long admitted captures waited for their account, capture-clock time")
            .register(registry);
    return waited -> waits.record(waited.toMillis() / 1000.0);
  }

  /** Counts the pcap files stored, their bytes, and the failures by reason. */
  private static ArtifactMetrics artifactMetrics(MeterRegistry registry) {
    Counter stored =
        Counter.builder("pcap_operator_artifacts_stored")
            .description("Pcap files read, and stored where the capture has an output")
            .register(registry);
    Counter bytes =
        Counter.builder("pcap_operator_artifact_bytes")
            .description("Bytes of the pcap files stored")
            .baseUnit("bytes")
            .register(registry);
    return new ArtifactMetrics() {
      @Override
      public void stored(long size) {
        stored.increment();
        bytes.increment(size);
      }

      @Override
      public void failed(String reason) {
        Counter.builder("pcap_operator_artifact_failures")
            .description("Pcap files that could not be read or stored, by reason")
            .tag("reason", reason)
            .register(registry)
            .increment();
      }
    };
  }

  /**
   * Leader election through the Lease {@link OperatorSettings#LEASE_NAME}. A replica that loses its
   * lease while running exits, so that it restarts as a standby and never reconciles beside the new
   * leader; one that is being closed does not.
   */
  private static LeaderElectionConfiguration leaderElection(
      String namespace, AtomicBoolean closing, AtomicBoolean standby, ProcessExit exit) {
    LeaderCallbacks callbacks =
        new LeaderCallbacks(
            () -> {
              standby.set(false);
              LOG.info("elected leader: reconciling");
            },
            () -> {
              if (!closing.get()) {
                String line = "lost the leader lease; exiting so that a standby takes over";
                LOG.error(line);
                exit.exit(line);
              }
            },
            leader -> LOG.info("leader is {}", leader));
    return new LeaderElectionConfiguration(
        OperatorSettings.LEASE_NAME,
        namespace,
        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
        null,
        callbacks,
        false);
  }

  /** Whether the operator has started (as leader or standby) and not stopped. */
  public boolean isStarted() {
    return operator.getRuntimeInfo().isStarted() && !closing.get();
  }

  /** Whether this replica waits, ready, for the leader lease. */
  public boolean isStandby() {
    return standby.get();
  }

  /**
   * Whether it is ready: started, and, unless it is a standby (whose informers start only when it
   * leads), with every informer healthy. A standby is ready, so that rollouts of two replicas
   * proceed.
   */
  public boolean isHealthy() {
    return isStarted() && (isStandby() || operator.getRuntimeInfo().allEventSourcesAreHealthy());
  }

  /** Stops the controller; in-flight reconciliations are let finish. */
  @Override
  public void close() {
    closing.set(true);
    operator.stop();
    objects.close();
  }
}
