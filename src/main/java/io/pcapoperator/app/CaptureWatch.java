package io.pcapoperator.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import java.util.function.Consumer;

/** Watches PacketCaptures in every namespace, for the terminal and for tests. */
final class CaptureWatch {
  private CaptureWatch() {}

  /** Calls {@code onChange} for every capture added or changed, {@code onDelete} when one goes. */
  static SharedIndexInformer<PacketCapture> start(
      KubernetesClient client, Consumer<PacketCapture> onChange, Consumer<PacketCapture> onDelete) {
    return client
        .resources(PacketCapture.class)
        .inAnyNamespace()
        .inform(
            new ResourceEventHandler<>() {
              @Override
              public void onAdd(PacketCapture capture) {
                onChange.accept(capture);
              }

              @Override
              public void onUpdate(PacketCapture before, PacketCapture after) {
                onChange.accept(after);
              }

              @Override
              public void onDelete(PacketCapture capture, boolean unknownFinalState) {
                onDelete.accept(capture);
              }
            });
  }
}
