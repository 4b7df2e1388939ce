package io.pcapoperator.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Records every phase each PacketCapture passes through, as a watcher of the API sees them. */
final class PhaseHistory implements AutoCloseable {
  private final Map<String, List<CapturePhase>> phases = new ConcurrentHashMap<>();
  private final SharedIndexInformer<PacketCapture> informer;

  PhaseHistory(KubernetesClient client) {
    informer = CaptureWatch.start(client, this::record, capture -> {});
  }

  private void record(PacketCapture capture) {
    if (capture.getStatus() == null || capture.getStatus().getPhase() == null) {
      return;
    }
    List<CapturePhase> seen =
        phases.computeIfAbsent(capture.getMetadata().getName(), k -> new ArrayList<>());
    synchronized (seen) {
      CapturePhase phase = capture.getStatus().getPhase();
      if (seen.isEmpty() || seen.get(seen.size() - 1) != phase) {
        seen.add(phase);
      }
    }
  }

  /** The phases {@code name} went through, in order, repeats removed. */
  List<CapturePhase> of(String name) {
    List<CapturePhase> seen = phases.getOrDefault(name, List.of());
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  @Override
  public void close() {
    informer.close();
  }
}
