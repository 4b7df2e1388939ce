package io.pcapoperator.plugin;

import io.pcapoperator.api.v1alpha1.AddressCount;
import io.pcapoperator.api.v1alpha1.CaptureSummary;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PortCount;
import io.pcapoperator.api.v1alpha1.ProtocolCount;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kubectl pcap summary NAME}: what the capture's pcap file holds, as the operator recorded
 * it in {@code status.summary}, in tables.
 */
@Command(
    name = "summary",
    description =
        "Show what a capture's pcap file holds (packets, protocols, top sources, top destination"
            + " ports), as the operator read it into status.summary.")
final class SummaryCommand implements Callable<Integer>, NamesACapture {
  private final ClusterFlags clusterFlags;

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The PacketCapture.")
  private String name;

  SummaryCommand(ClusterFlags clusterFlags) {
    this.clusterFlags = clusterFlags;
  }

  @Override
  public Integer call() {
    PacketCapture capture;
    try (Cluster cluster = clusterFlags.connect(ClusterFlags.REQUEST_TIMEOUT)) {
      capture = cluster.capture(name);
    }
    CaptureSummary summary = capture.currentStatus().getSummary();
    if (summary == null) {
      spec.commandLine()
          .getErr()
          .println(
              "No summary yet for "
                  + name
                  + " (phase "
                  + Optional.ofNullable(capture.phase()).map(Enum::name).orElse("<none>")
                  + "): the operator writes status.summary once it has read the capture's file.");
      return 0;
    }
    print(summary, spec.commandLine().getOut());
    return 0;
  }

  private static void print(CaptureSummary summary, PrintWriter out) {
    out.print(
        new TextTable("PACKETS", "BYTES", "FIRST PACKET", "LAST PACKET")
            .row(
                summary.getPackets(),
                summary.getBytes(),
                summary.getFirstPacketTime(),
                summary.getLastPacketTime())
            .render());
    TextTable protocols = new TextTable("PROTOCOL", "PACKETS", "BYTES");
    for (ProtocolCount p : listed(summary.getProtocols())) {
      protocols.row(p.getProtocol(), p.getPackets(), p.getBytes());
    }
    TextTable sources = new TextTable("SOURCE", "PACKETS");
    for (AddressCount a : listed(summary.getTopSources())) {
      sources.row(a.getAddress(), a.getPackets());
    }
    TextTable ports = new TextTable("DESTINATION PORT", "PACKETS");
    for (PortCount p : listed(summary.getTopDestinationPorts())) {
      ports.row(p.getPort(), p.getPackets());
    }
    for (TextTable table : List.of(protocols, sources, ports)) {
      if (!table.isEmpty()) {
        out.println();
        out.print(table.render());
      }
    }
    out.flush();
  }

  private static <T> List<T> listed(List<T> list) {
    return list == null ? List.of() : list;
  }
}
