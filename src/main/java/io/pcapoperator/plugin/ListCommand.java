package io.pcapoperator.plugin;

import io.pcapoperator.api.v1alpha1.CaptureArtifact;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.reconcile.RecordedRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kubectl pcap ls}: the captures of a namespace, or of all, with where their packets are, as
 * {@code kubectl get} lists resources.
 */
@Command(
    name = "ls",
    aliases = "list",
    description =
        "List captures: type, phase, Cloudflare id, packets, where the file is (ARTIFACT: the"
            + " stored copy, or a full capture's bucket) and age.")
final class ListCommand implements Callable<Integer> {
  private static final List<String> COLUMNS =
      List.of("NAME", "TYPE", "PHASE", "ID", "PACKETS", "ARTIFACT", "AGE");

  private final ClusterFlags clusterFlags;
  private final Clock clock;

  @Spec private CommandSpec spec;

  @Option(
      names = {"-A", "--all-namespaces"},
      description = "List the captures of every namespace.")
  private boolean allNamespaces;

  ListCommand(ClusterFlags clusterFlags, Clock clock) {
    this.clusterFlags = clusterFlags;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    List<PacketCapture> captures;
    String namespace;
    try (Cluster cluster = clusterFlags.connect(ClusterFlags.REQUEST_TIMEOUT)) {
      namespace = cluster.namespace();
      captures =
          ApiErrors.call(
              cluster,
              () ->
                  allNamespaces
                      ? cluster.captures().inAnyNamespace().list().getItems()
                      : cluster.captures().inNamespace(namespace).list().getItems());
    }
    if (captures.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              allNamespaces
                  ? "No resources found"
                  : "No resources found in " + namespace + " namespace.");
      return 0;
    }
    spec.commandLine().getOut().print(table(captures, clock.instant()).render());
    spec.commandLine().getOut().flush();
    return 0;
  }

  private TextTable table(List<PacketCapture> captures, Instant now) {
    List<String> headers = new ArrayList<>(COLUMNS);
    if (allNamespaces) {
      headers.add(0, "NAMESPACE");
    }
    TextTable table = new TextTable(headers.toArray(String[]::new));
    captures.stream()
        .sorted(
            Comparator.comparing((PacketCapture c) -> c.getMetadata().getNamespace())
                .thenComparing(c -> c.getMetadata().getName()))
        .forEach(capture -> table.row(cells(capture, now).toArray()));
    return table;
  }

  private List<Object> cells(PacketCapture capture, Instant now) {
    PacketCaptureStatus status = capture.currentStatus();
    List<Object> cells = new ArrayList<>();
    if (allNamespaces) {
      cells.add(capture.getMetadata().getNamespace());
    }
    cells.add(capture.getMetadata().getName());
    cells.add(
        Optional.ofNullable(RecordedRequest.type(capture))
            .map(t -> t.name().toLowerCase(Locale.ROOT))
            .orElse(null));
    cells.add(status.getPhase());
    cells.add(status.getId());
    cells.add(status.getPacketsCaptured());
    cells.add(artifact(status));
    cells.add(ShortAge.of(capture.getMetadata().getCreationTimestamp(), now));
    return cells;
  }

  private static String artifact(PacketCaptureStatus status) {
    Optional<CaptureArtifact> artifact = Optional.ofNullable(status.getArtifact());
    return artifact
        .map(CaptureArtifact::getUri)
        .or(() -> artifact.map(CaptureArtifact::getLocation))
        .orElse(null);
  }
}
