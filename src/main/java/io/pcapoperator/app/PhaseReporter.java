package io.pcapoperator.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Prints a line whenever a PacketCapture's phase or remote status changes, and tells when every
 * capture it has seen is terminal.
 */
final class PhaseReporter implements AutoCloseable {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final PrintStream out;
  private final Map<String, String> lastLine = new ConcurrentHashMap<>();
  private final Map<String, Boolean> terminal = new ConcurrentHashMap<>();
  private final SharedIndexInformer<PacketCapture> informer;

  PhaseReporter(KubernetesClient client, PrintStream out) {
    this.out = out;
    out.printf(
        "%-8s  %-36s  %-6s  %-11s  %-18s  %-32s  %s%n",
        "TIME", "NAMESPACE/NAME", "TYPE", "PHASE", "REMOTE", "ID", "PACKETS");
    this.informer =
        CaptureWatch.start(client, this::report, capture -> terminal.put(key(capture), true));
  }

  /** Waits until at least {@code expected} captures exist and all are terminal. */
  boolean awaitAllTerminal(int expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (terminal.size() >= expected && !terminal.containsValue(false)) {
        return true;
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    return false;
  }

  private void report(PacketCapture capture) {
    PacketCaptureStatus status = capture.currentStatus();
    String phase = status.getPhase() == null ? "" : status.getPhase().name();
    String line =
        String.format(
            "%-36s  %-6s  %-11s  %-18s  %-32s  %s",
            key(capture),
            capture.getSpec() == null || capture.getSpec().getType() == null
                ? ""
                : capture.getSpec().getType().name().toLowerCase(Locale.ROOT),
            phase,
            Objects.toString(status.getRemoteStatus(), ""),
            Objects.toString(status.getId(), ""),
            Objects.toString(status.getPacketsCaptured(), ""));
    terminal.put(key(capture), status.getPhase() != null && status.getPhase().isTerminal());
    if (!line.equals(lastLine.put(key(capture), line))) {
      out.printf("%s  %s%n", LocalTime.now().format(TIME), line);
      if ("Failed".equals(phase) || "Stopped".equals(phase)) {
        out.printf("          %s: %s%n", key(capture), readyMessage(status));
      }
    }
  }

  private static String readyMessage(PacketCaptureStatus status) {
    return status.getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .map(c -> c.getMessage())
        .findFirst()
        .orElse("");
  }

  private static String key(PacketCapture capture) {
    return capture.getMetadata().getNamespace() + "/" + capture.getMetadata().getName();
  }

  @Override
  public void close() {
    informer.close();
  }
}
