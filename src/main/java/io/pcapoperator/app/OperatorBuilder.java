package io.pcapoperator.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.cloudflare.HttpPcapsApi;
import io.pcapoperator.cloudflare.PcapsApi;
import io.pcapoperator.cloudflare.RetryPolicy;
import io.pcapoperator.cloudflare.Sleeper;
import io.pcapoperator.reconcile.ReconcilerSettings;

/**
 * Assembles and starts a {@link PcapOperator}: {@code run}, {@code dev}, the test harnesses and the
 * benchmark all build theirs here, each setting only what differs from the defaults (the real
 * clock, {@link OperatorSettings#defaults()}, the Cloudflare client those settings name, the
 * reconciler's defaults with the settings' staleness bound, a private meter registry, and an exit
 * of the process when an informer fails for good).
 */
public final class OperatorBuilder {
  private final KubernetesClient client;
  private ScaledClock clock = ScaledClock.real();
  private OperatorSettings settings = OperatorSettings.defaults();
  private PcapsApi cloudflare;
  private ReconcilerSettings reconcilerSettings;
  private MeterRegistry registry = new SimpleMeterRegistry();
  private ProcessExit exit = ProcessExit.SYSTEM;

  OperatorBuilder(KubernetesClient client) {
    this.client = client;
  }

  /** The clock that captures are timed on; the client's retries wait on its time scale. */
  public OperatorBuilder clock(ScaledClock clock) {
    this.clock = clock;
    return this;
  }

  /** The process settings: Cloudflare's base URL, namespaces, staleness bound, budget, lease. */
  public OperatorBuilder settings(OperatorSettings settings) {
    this.settings = settings;
    return this;
  }

  /** Another Cloudflare client than the one the settings name. */
  public OperatorBuilder cloudflare(PcapsApi api) {
    this.cloudflare = api;
    return this;
  }

  /** Other reconciler settings than the defaults with the settings' staleness bound. */
  public OperatorBuilder reconcilerSettings(ReconcilerSettings reconcilerSettings) {
    this.reconcilerSettings = reconcilerSettings;
    return this;
  }

  /** Where the operator's metrics go. */
  public OperatorBuilder metrics(MeterRegistry registry) {
    this.registry = registry;
    return this;
  }

  /** What ends the process when an informer fails for good or the leader loses its lease. */
  public OperatorBuilder onFatalFailure(ProcessExit exit) {
    this.exit = exit;
    return this;
  }

  /** Starts the operator. */
  public PcapOperator start() {
    return PcapOperator.start(
        client,
        cloudflare != null ? cloudflare : cloudflareOfSettings(),
        clock,
        reconcilerSettings != null
            ? reconcilerSettings
            : ReconcilerSettings.defaults()
                .withStalenessBound(settings.maxPollInterval())
                .withBucketValidation(settings.bucketValidation()),
        settings,
        registry,
        exit);
  }

  /** The HTTP client for the settings' base URL; its retries wait on the clock's time scale. */
  private PcapsApi cloudflareOfSettings() {
    Sleeper sleeper = wait -> Thread.sleep(Math.max(1, clock.toWallClock(wait).toMillis()));
    return new HttpPcapsApi(
        settings.cloudflareBaseUrl(),
        settings.requestTimeout(),
        RetryPolicy.defaults(),
        sleeper,
        new RemoteRequestMetrics(registry));
  }
}
