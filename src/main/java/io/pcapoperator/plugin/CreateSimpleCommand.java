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

/** {@code kubectl pcap create simple NAME}: a sampled capture across all colos, downloadable. */
@Command(
    name = "simple",
    sortOptions = false,
    description =
        "Create a simple capture: sampled packets across all colos, downloadable with kubectl pcap"
            + " download once it succeeds.")
final class CreateSimpleCommand implements Callable<Integer> {
  private final ClusterFlags clusterFlags;

  @Spec private CommandSpec command;

  @Mixin private CaptureFlags capture;

  @Option(
      names = "--packet-limit",
      paramLabel = "<packets>",
      description = "Most packets to capture, 1-10000. Required unless --capture-id.")
  private Integer packetLimit;

  @Option(
      names = "--offset-time",
      paramLabel = "<time>",
      description = "RFC 3339 time to look back from, within the last 24 hours.")
  private String offsetTime;

  @Mixin private OutputFlags output;

  CreateSimpleCommand(ClusterFlags clusterFlags) {
    this.clusterFlags = clusterFlags;
  }

  @Override
  public Integer call() {
    PacketCaptureSpec spec =
        capture.spec(
            command,
            CaptureType.SIMPLE,
            List.of("--packet-limit", "--offset-time"),
            List.of("--packet-limit"));
    spec.setPacketLimit(packetLimit);
    spec.setOffsetTime(offsetTime);
    spec.setOutput(output.output().orElse(null));
    return CaptureCreation.run(clusterFlags, capture, spec, command.commandLine().getOut());
  }
}
