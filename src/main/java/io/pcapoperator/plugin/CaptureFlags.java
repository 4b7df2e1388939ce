package io.pcapoperator.plugin;

import io.pcapoperator.api.v1alpha1.CaptureFilter;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.DeletionPolicy;
import io.pcapoperator.api.v1alpha1.PacketCaptureSpec;
import io.pcapoperator.api.v1alpha1.SecretReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;

/**
 * The flags that {@code create simple} and {@code create full} share: the capture's name, account,
 * credentials, time limit, filter and lifetime, or the id of a capture to adopt. The API server's
 * schema checks the values; the required flags are checked here first, and an adoption refuses the
 * request flags as the CRD's rule does.
 */
final class CaptureFlags {
  /** The flags of the request that both types share. */
  private static final List<String> REQUEST_FLAGS =
      List.of(
          "--time-limit",
          "--source-address",
          "--destination-address",
          "--source-port",
          "--destination-port",
          "--protocol");

  @Parameters(index = "0", paramLabel = "NAME", description = "Name of the PacketCapture.")
  private String name;

  @Option(
      names = "--account-id",
      paramLabel = "<id>",
      description = "Cloudflare account id: 32 lowercase hex characters. Required.")
  private String accountId;

  @Option(
      names = "--secret",
      paramLabel = "<name>",
      description =
          "Secret in the namespace with the Cloudflare credentials: key apiToken, or keys apiKey"
              + " and email. Required.")
  private String secret;

  @Option(
      names = "--time-limit",
      paramLabel = "<seconds>",
      description =
          "How long to capture: 1-300 s for simple captures, 1-86400 s for full. Required unless"
              + " --capture-id.")
  private Integer timeLimit;

  @Option(
      names = "--capture-id",
      paramLabel = "<id>",
      description =
          "Adopt this existing Cloudflare capture (32 lowercase hex characters) rather than create"
              + " one: the operator mirrors it and sends no create. Its type and limits are"
              + " Cloudflare's, so no request flag goes with it (--time-limit, the filter, and"
              + " those of simple or full); on deletion it is left running unless"
              + " --deletion-policy Stop.")
  private String captureId;

  @Option(
      names = "--source-address",
      paramLabel = "<ipv4>",
      description = "Capture only packets from this IPv4 address.")
  private String sourceAddress;

  @Option(
      names = "--destination-address",
      paramLabel = "<ipv4>",
      description = "Capture only packets to this IPv4 address.")
  private String destinationAddress;

  @Option(
      names = "--source-port",
      paramLabel = "<port>",
      description = "Capture only packets from this TCP or UDP port, 1-65535.")
  private Integer sourcePort;

  @Option(
      names = "--destination-port",
      paramLabel = "<port>",
      description = "Capture only packets to this TCP or UDP port, 1-65535.")
  private Integer destinationPort;

  @Option(
      names = "--protocol",
      paramLabel = "<protocol>",
      converter = IpProtocol.class,
      description = "Capture only this IP protocol: a number 0-255, or tcp, udp or icmp.")
  private Integer protocol;

  @Option(
      names = "--deletion-policy",
      paramLabel = "<policy>",
      description =
          "Stop (the default) stops a running full capture when the PacketCapture is deleted;"
              + " Orphan leaves it running (the default with --capture-id)."
              + " One of: ${COMPLETION-CANDIDATES}.")
  private DeletionPolicy deletionPolicy;

  @Option(
      names = "--ttl-seconds-after-finished",
      paramLabel = "<seconds>",
      description = "Delete the PacketCapture this many seconds after it ends.")
  private Integer ttlSecondsAfterFinished;

  @Option(names = "--dry-run", description = "Print the PacketCapture as YAML, and create nothing.")
  private boolean dryRun;

  /** The PacketCapture's name. */
  String name() {
    return name;
  }

  /** Whether to print the PacketCapture rather than create it. */
  boolean dryRun() {
    return dryRun;
  }

  /**
   * The spec these flags make with those of {@code command}: an adoption of {@code --capture-id},
   * or a new capture of {@code type}. Fails as a usage error when a required flag is missing, and
   * with a {@link PluginFailure} when an adoption is given request flags.
   *
   * @param command the create command that was run
   * @param typeFlags the request flags of {@code type}'s command
   * @param requiredOfType those of {@code typeFlags} that a new capture needs
   */
  PacketCaptureSpec spec(
      CommandSpec command, CaptureType type, List<String> typeFlags, List<String> requiredOfType) {
    ParseResult parsed = command.commandLine().getParseResult();
    List<String> required = new ArrayList<>(List.of("--account-id", "--secret"));
    if (captureId == null) {
      required.add("--time-limit");
      required.addAll(requiredOfType);
    } else {
      List<String> refused =
          Stream.concat(REQUEST_FLAGS.stream(), typeFlags.stream())
              .filter(parsed::hasMatchedOption)
              .toList();
      if (!refused.isEmpty()) {
        throw new PluginFailure(
            "--capture-id adopts a capture as Cloudflare has it, type and limits included: leave"
                + " out "
                + String.join(", ", refused));
      }
    }
    List<ArgSpec> missing =
        required.stream()
            .filter(flag -> !parsed.hasMatchedOption(flag))
            .<ArgSpec>map(command::findOption)
            .toList();
    if (!missing.isEmpty()) {
      throw new MissingParameterException(command.commandLine(), missing, "required flags not set");
    }
    return captureId == null ? request(type) : adoption();
  }

  private PacketCaptureSpec adoption() {
    PacketCaptureSpec spec = common();
    spec.setCaptureId(captureId);
    return spec;
  }

  private PacketCaptureSpec request(CaptureType type) {
    PacketCaptureSpec spec = common();
    spec.setType(type);
    spec.setTimeLimit(timeLimit);
    if (Stream.of(sourceAddress, destinationAddress, sourcePort, destinationPort, protocol)
        .anyMatch(Objects::nonNull)) {
      CaptureFilter filter = new CaptureFilter();
      filter.setSourceAddress(sourceAddress);
      filter.setDestinationAddress(destinationAddress);
      filter.setSourcePort(sourcePort);
      filter.setDestinationPort(destinationPort);
      filter.setProtocol(protocol);
      spec.setFilter(filter);
    }
    return spec;
  }

  private PacketCaptureSpec common() {
    PacketCaptureSpec spec = new PacketCaptureSpec();
    spec.setAccountId(accountId);
    spec.setCredentialsSecretRef(new SecretReference(secret));
    spec.setDeletionPolicy(deletionPolicy);
    spec.setTtlSecondsAfterFinished(ttlSecondsAfterFinished);
    return spec;
  }
}
