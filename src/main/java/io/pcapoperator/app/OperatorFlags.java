package io.pcapoperator.app;

import io.pcapoperator.reconcile.BucketValidation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags of {@code run} that make its {@link OperatorSettings}, each with its environment
 * variable and default: the one place those defaults are written.
 */
final class OperatorFlags {
  @EnvironmentVariable("CLOUDFLARE_BASE_URL")
  @Option(
      names = "--cloudflare-base-url",
      paramLabel = "<url>",
      defaultValue = OperatorSettings.CLOUDFLARE_BASE_URL,
      description = "Base URL of the Cloudflare API, up to and including /client/v4.")
  private String cloudflareBaseUrl;

  @EnvironmentVariable("WATCH_NAMESPACES")
  @Option(
      names = "--namespaces",
      paramLabel = "<namespace>",
      split = ",",
      description = "Comma-separated namespaces to watch; all namespaces when none are given.")
  private List<String> namespaces;

  @EnvironmentVariable("PCAP_MAX_POLL_INTERVAL")
  @Option(
      names = "--max-poll-interval",
      paramLabel = "<duration>",
      defaultValue = "60s",
      converter = FlagConverters.PositiveDuration.class,
      description = "Longest wait between two reads of a running capture.")
  private Duration maxPollInterval;

  @EnvironmentVariable("PCAP_REQUEST_TIMEOUT")
  @Option(
      names = "--request-timeout",
      paramLabel = "<duration>",
      defaultValue = "30s",
      converter = FlagConverters.PositiveDuration.class,
      description = "Timeout of one request to Cloudflare.")
  private Duration requestTimeout;

  @EnvironmentVariable("PCAP_LEADER_ELECTION")
  @Option(
      names = "--leader-election",
      paramLabel = "<true|false>",
      arity = "0..1",
      defaultValue = "true",
      converter = FlagConverters.Bool.class,
      description =
          "Elect one active replica through the Lease " + OperatorSettings.LEASE_NAME + ".")
  private boolean leaderElection;

  @EnvironmentVariable("POD_NAMESPACE")
  @Option(
      names = "--leader-election-namespace",
      paramLabel = "<namespace>",
      description = "Namespace of the Lease; the pod's own namespace when not given.")
  private String leaseNamespace;

  @EnvironmentVariable("PCAP_API_BUDGET")
  @Option(
      names = "--api-budget",
      paramLabel = "<requests>",
      defaultValue = "1200",
      converter = FlagConverters.PositiveInteger.class,
      description =
          "Requests per 5 minutes this operator may make with one Cloudflare token"
              + " (give each shard its share).")
  private int apiBudget;

  @EnvironmentVariable("PCAP_BUCKET_VALIDATION")
  @Option(
      names = "--bucket-validation",
      paramLabel = "<PcapBucket|Cloudflare|None>",
      defaultValue = "PcapBucket",
      description =
          "How a full capture's bucket is known to be validated before the capture is sent: a"
              + " Validated PcapBucket, Cloudflare's list of ownerships (buckets validated outside"
              + " Kubernetes), or None (no check).")
  private BucketValidation bucketValidation;

  @Mixin private DefaultOutputFlags defaultOutput = new DefaultOutputFlags();

  /** The settings these flags make. */
  OperatorSettings settings() {
    return new OperatorSettings(
        cloudflareBaseUrl,
        Optional.ofNullable(namespaces).orElse(List.of()).stream()
            .map(String::strip)
            .filter(n -> !n.isEmpty())
            .collect(Collectors.toUnmodifiableSet()),
        maxPollInterval,
        requestTimeout,
        leaderElection,
        Optional.ofNullable(leaseNamespace).filter(n -> !n.isBlank()),
        apiBudget,
        defaultOutput.output(
            Optional.ofNullable(leaseNamespace).filter(n -> !n.isBlank()).orElse("default")),
        bucketValidation);
  }

  /** The settings of these flags as given in {@code args}, else in {@code env}, else declared. */
  static OperatorSettings parse(List<String> args, Map<String, String> env) {
    OperatorFlags flags = new OperatorFlags();
    Main.configure(new CommandLine(flags), env).parseArgs(args.toArray(String[]::new));
    return flags.settings();
  }
}
