package io.pcapoperator.plugin;

import io.pcapoperator.api.v1alpha1.CaptureFilter;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.DeletionPolicy;
import io.pcapoperator.api.v1alpha1.PacketCaptureSpec;
import io.pcapoperator.api.v1alpha1.SecretReference;
import java.util.Objects;
import java.util.stream.Stream;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The flags that {@code create simple} and {@code create full} share: the capture's name, account,
 * credentials, time limit, filter and lifetime. The API server's schema checks the values; the
 * required flags are checked here first.
 */
final class CaptureFlags {
  @Parameters(index = "0", paramLabel = "NAME", description = "Name of the PacketCapture.")
  private String name;

  @Option(
      names = "--account-id",
      required = true,
      paramLabel = "<id>",
      description = "Cloudflare account id: 32 lowercase hex characters.")
  private String accountId;

  @Option(
      names = "--secret",
      required = true,
      paramLabel = "<name>",
      description =
          "Secret in the namespace with the Cloudflare credentials: key apiToken, or keys apiKey"
              + " and email.")
  private String secret;

  @Option(
      names = "--time-limit",
      required = true,
      paramLabel = "<seconds>",
      description = "How long to capture: 1-300 s for simple captures, 1-86400 s for full.")
  private Integer timeLimit;

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
              + " Orphan leaves it running. One of: ${COMPLETION-CANDIDATES}.")
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

  /** A spec of {@code type} with the values of these flags. */
  PacketCaptureSpec spec(CaptureType type) {
    PacketCaptureSpec spec = new PacketCaptureSpec();
    spec.setType(type);
    spec.setAccountId(accountId);
    spec.setCredentialsSecretRef(new SecretReference(secret));
    spec.setTimeLimit(timeLimit);
    spec.setDeletionPolicy(deletionPolicy);
    spec.setTtlSecondsAfterFinished(ttlSecondsAfterFinished);
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
}
