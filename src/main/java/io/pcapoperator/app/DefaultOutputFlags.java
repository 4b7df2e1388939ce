package io.pcapoperator.app;

import io.pcapoperator.reconcile.DefaultOutput;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The flags of the operator's default output: the S3-compatible bucket where simple captures that
 * name no {@code spec.output} store their pcap files, with its keys in a Secret of the operator's
 * namespace. No bucket, no default output.
 */
final class DefaultOutputFlags {
  @EnvironmentVariable("PCAP_DEFAULT_OUTPUT_BUCKET")
  @Option(
      names = "--default-output-bucket",
      paramLabel = "<bucket>",
      description = "Bucket of the default output; none when not given.")
  private String bucket;

  @EnvironmentVariable("PCAP_DEFAULT_OUTPUT_PREFIX")
  @Option(
      names = "--default-output-prefix",
      paramLabel = "<prefix>",
      description = "Key prefix of the default output's files.")
  private String prefix;

  @EnvironmentVariable("PCAP_DEFAULT_OUTPUT_ENDPOINT")
  @Option(
      names = "--default-output-endpoint",
      paramLabel = "<url>",
      description = "Endpoint of the default output's store; none for AWS S3.")
  private String endpoint;

  @EnvironmentVariable("PCAP_DEFAULT_OUTPUT_REGION")
  @Option(
      names = "--default-output-region",
      paramLabel = "<region>",
      description = "Region of the default output's bucket (auto for R2); us-east-1 if not given.")
  private String region;

  @EnvironmentVariable("PCAP_DEFAULT_OUTPUT_SECRET")
  @Option(
      names = "--default-output-secret",
      paramLabel = "<name>",
      defaultValue = "pcap-operator-output",
      description =
          "Secret in the operator's namespace with the default output's keys accessKeyId and"
              + " secretAccessKey.")
  private String secret;

  @EnvironmentVariable("PCAP_DEFAULT_OUTPUT_RETENTION")
  @Option(
      names = "--default-output-retention",
      paramLabel = "<duration>",
      converter = FlagConverters.PositiveDuration.class,
      description = "How long the default output keeps each file; for ever when not given.")
  private Duration retention;

  /** The default output these flags name, with its Secret in {@code operatorNamespace}. */
  Optional<DefaultOutput> output(String operatorNamespace) {
    if (bucket == null || bucket.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new DefaultOutput(
            bucket.strip(),
            prefix,
            endpoint,
            region,
            null,
            operatorNamespace,
            secret,
            Optional.ofNullable(retention)));
  }
}
