package io.pcapoperator.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.cloudflare.PcapsApi;
import io.pcapoperator.reconcile.CaptureEvents;
import io.pcapoperator.reconcile.PacketCaptureReconciler;
import io.pcapoperator.reconcile.ReconcilerSettings;
import java.util.Set;

/**
 * The running operator: a JOSDK {@link Operator} with the PacketCapture controller registered.
 * Primary-resource writes use JSON patches rather than server-side apply, which the embedded API
 * does not serve; the controller writes status itself with optimistic locking.
 */
public final class PcapOperator implements AutoCloseable {
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
