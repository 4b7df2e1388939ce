package io.pcapoperator.plugin;

import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCaptureSpec;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kubectl pcap create full NAME}: every packet in one colo, written to a bucket. */
@Command(
    name = "full",
    sortOptions = false,
    description =
        "Create a full capture: every packet in one colo, written by Cloudflare to a bucket whose"
            + " ownership was validated.")
final class CreateFullCommand implements Callable<Integer> {
  private final ClusterFlags clusterFlags;

  @Spec private CommandSpec command;

  @Mixin private CaptureFlags capture;

  @Option(
      names = "--colo",
      paramLabel = "<colo>",
      description =
          "Colo to capture in: a data center (ord02) or a city's colos (ORD). Required unless"
              + " --capture-id.")
  private String colo;

  @Option(
      names = "--destination",
      paramLabel = "<uri>",
      description =
          "Bucket Cloudflare writes the files to: s3://, gs:// or r2:// URI. Required unless"
              + " --capture-id.")
  private String destination;

  @Option(
      names = "--packet-limit",
      paramLabel = "<packets>",
      description = "Most packets to capture, 1-10000.")
  private Integer packetLimit;

  @Option(
      names = "--byte-limit",
      paramLabel = "<bytes>",
      description = "Most bytes to capture, 1-1000000000.")
  private Long byteLimit;

  CreateFullCommand(ClusterFlags clusterFlags) {
    this.clusterFlags = clusterFlags;
  }

  @Override
  public Integer call() {
    PacketCaptureSpec spec =
        capture.spec(
            command,
            CaptureType.FULL,
            List.of("--colo", "--destination", "--packet-limit", "--byte-limit"),
            List.of("--colo", "--destination"));
    spec.setColoName(colo);
    spec.setDestinationConf(destination);
    spec.setPacketLimit(packetLimit);
    spec.setByteLimit(byteLimit);
    return CaptureCreation.run(clusterFlags, capture, spec, command.commandLine().getOut());
  }
}
