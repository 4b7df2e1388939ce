package io.pcapoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/**
 * Where the operator stores a copy of a simple capture's pcap file once the capture succeeds, and
 * how long the copy is kept.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CaptureOutput {
  @Required
  @JsonPropertyDescription("An S3-compatible bucket: AWS S3, Cloudflare R2, MinIO or Ceph.")
  private S3Output s3;

  @Pattern(CaptureLimits.DURATION_PATTERN)
  @JsonPropertyDescription(
      "How long the stored file is kept after it was stored, as a duration such as 168h or"
          + " 30m; the operator then deletes it. Leave out to keep it (a bucket lifecycle rule is"
          + " the better tool where the bucket has one).")
  private String retention;

  @Default("Retain")
  @JsonPropertyDescription(
      "On deletion of the PacketCapture, Retain keeps the stored file; Delete deletes it first.")
  private OutputDeletionPolicy deletionPolicy;

  public S3Output getS3() {
    return s3;
  }

  public void setS3(S3Output s3) {
    this.s3 = s3;
  }

  public String getRetention() {
    return retention;
  }

  public void setRetention(String retention) {
    this.retention = retention;
  }

  public OutputDeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(OutputDeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }
}
