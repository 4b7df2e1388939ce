package io.pcapoperator.plugin;

import io.pcapoperator.api.v1alpha1.CaptureOutput;
import io.pcapoperator.api.v1alpha1.S3Output;
import io.pcapoperator.api.v1alpha1.StorageSecretReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The flags of a simple capture's {@code spec.output}: the S3-compatible bucket the operator copies
 * the pcap file to, and how long the copy is kept.
 */
final class OutputFlags {
  @Option(
      names = "--s3-bucket",
      paramLabel = "<bucket>",
      description = "Copy the pcap file to this S3-compatible bucket once the capture succeeds.")
  private String bucket;

  @Option(
      names = "--s3-prefix",
      paramLabel = "<prefix>",
      description = "Key prefix in the bucket; no leading slash.")
  private String prefix;

  @Option(
      names = "--s3-endpoint",
      paramLabel = "<url>",
      description = "Endpoint of a store other than AWS S3 (R2, MinIO, Ceph).")
  private String endpoint;

  @Option(
      names = "--s3-region",
      paramLabel = "<region>",
      description = "Region of the bucket, such as us-east-1 (auto for R2).")
  private String region;

  @Option(
      names = "--s3-secret",
      paramLabel = "<name>",
      description =
          "Secret with the keys accessKeyId and secretAccessKey; needed with --s3-bucket.")
  private String secret;

  @Option(
      names = "--retention",
      paramLabel = "<duration>",
      description = "How long the stored copy is kept, such as 168h; kept for good when not given.")
  private String retention;

  /**
   * The output these flags describe, if any; a {@link PluginFailure} naming the flag when one needs
   * another that is missing.
   */
  Optional<CaptureOutput> output() {
    if (bucket == null) {
      Map<String, String> given = new LinkedHashMap<>();
      given.put("--s3-prefix", prefix);
      given.put("--s3-endpoint", endpoint);
      given.put("--s3-region", region);
      given.put("--s3-secret", secret);
      given.put("--retention", retention);
      for (Map.Entry<String, String> flag : given.entrySet()) {
        if (flag.getValue() != null) {
          throw new PluginFailure(flag.getKey() + " needs --s3-bucket");
        }
      }
      return Optional.empty();
    }
    if (secret == null) {
      throw new PluginFailure(
          "--s3-bucket needs --s3-secret (the Secret with accessKeyId and secretAccessKey)");
    }
    S3Output s3 = new S3Output();
    s3.setBucket(bucket);
    s3.setPrefix(prefix);
    s3.setEndpoint(endpoint);
    s3.setRegion(region);
    s3.setCredentialsSecretRef(new StorageSecretReference(secret));
    CaptureOutput output = new CaptureOutput();
    output.setS3(s3);
    output.setRetention(retention);
    return Optional.of(output);
  }
}
