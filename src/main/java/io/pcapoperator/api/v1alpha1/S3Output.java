package io.pcapoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** An S3-compatible bucket, and the Secret with the keys to write to it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class S3Output {
  @Required
  @Size(min = 3, max = 63)
  @Pattern(CaptureLimits.BUCKET_NAME_PATTERN)
  @JsonPropertyDescription("Bucket name: 3-63 lowercase letters, digits, dots and hyphens.")
  private String bucket;

  @Size(max = 512)
  @Pattern(CaptureLimits.OBJECT_PREFIX_PATTERN)
  @JsonPropertyDescription(
      "Key prefix; the file is stored at <prefix>/<namespace>/<name>/<id>.pcap. No leading slash.")
  private String prefix;

  @Pattern(CaptureLimits.ENDPOINT_PATTERN)
  @JsonPropertyDescription(
      "Endpoint URL for stores other than AWS S3, such as"
          + " https://<account>.r2.cloudflarestorage.com or a MinIO URL; leave out for AWS S3.")
  private String endpoint;

  @Pattern(CaptureLimits.REGION_PATTERN)
  @JsonPropertyDescription("Region, such as us-east-1; R2 takes auto. Defaults to us-east-1.")
  private String region;

  @JsonPropertyDescription(
      "Address the bucket in the path (endpoint/bucket/key) rather than in the host name; MinIO"
          + " and Ceph usually need it. Defaults to true when an endpoint is given.")
  private Boolean pathStyle;

  @Required
  @JsonPropertyDescription(
      "Secret in the PacketCapture's namespace with the keys accessKeyId and secretAccessKey.")
  private StorageSecretReference credentialsSecretRef;

  public String getBucket() {
    return bucket;
  }

  public void setBucket(String bucket) {
    this.bucket = bucket;
  }

  public String getPrefix() {
    return prefix;
  }

  public void setPrefix(String prefix) {
    this.prefix = prefix;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public Boolean getPathStyle() {
    return pathStyle;
  }

  public void setPathStyle(Boolean pathStyle) {
    this.pathStyle = pathStyle;
  }

  public StorageSecretReference getCredentialsSecretRef() {
    return credentialsSecretRef;
  }

  public void setCredentialsSecretRef(StorageSecretReference credentialsSecretRef) {
    this.credentialsSecretRef = credentialsSecretRef;
  }
}
