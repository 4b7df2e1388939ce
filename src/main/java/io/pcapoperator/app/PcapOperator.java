package io.pcapoperator.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.cloudflare.PcapsApi;
import io.pcapoperator.reconcile.CaptureEvents;
import io.pcapoperator.reconcile.PacketCaptureReconciler;
import io.pcapoperator.reconcile.ReconcilerSettings;
import java.time.Duration;
import java.util.Set;

/**
 * The running operator: a JOSDK {@link Operator} with the PacketCapture controller registered.
 * Primary-resource writes use JSON patches rather than server-side apply, which the embedded API
 * does not serve; the controller writes status itself with optimistic locking.
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

  private final Operator operator;

  private PcapOperator(Operator operator) {
    this.operator = operator;
  }

  /**
   * Starts the controller against {@code client}, watching {@code namespaces} (all when empty). The
   * client stays open when the operator stops.
   */
  public static PcapOperator start(
      KubernetesClient client,
      PcapsApi api,
      ScaledClock clock,
      ReconcilerSettings settings,
      Set<String> namespaces) {
    Operator operator =
        new Operator(
            o ->
                o.withKubernetesClient(client)
                    .withUseSSAToPatchPrimaryResource(false)
                    .withCloseClientOnStop(false)
                    .withStopOnInformerErrorDuringStartup(true));
    var reconciler =
        new PacketCaptureReconciler(api, new CaptureEvents(client, clock), clock, settings);
    operator.register(
        reconciler,
        config -> {
          config.withRetry(KUBERNETES_RETRY);
          if (!namespaces.isEmpty()) {
            config.settingNamespaces(namespaces);
          }
        });
    operator.start();
    return new PcapOperator(operator);
  }

  /** Stops the controller; in-flight reconciliations are let finish. */
  @Override
  public void close() {
    operator.stop();
  }
}
