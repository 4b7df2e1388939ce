package io.pcapoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/**
 * Where the operator reads the challenge file itself: the S3-compatible endpoint of the bucket that
 * destinationConf names, and read keys for it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class S3Challenge {
  @Pattern(CaptureLimits.ENDPOINT_PATTERN)
  @JsonPropertyDescription(
      "Endpoint URL for stores other than AWS S3, such as"
          + " https://<account>.r2.cloudflarestorage.com or https://storage.googleapis.com; leave"
          + " out for AWS S3.")
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
      "Secret in this resource's namespace with the keys accessKeyId and secretAccessKey, allowed"
          + " to read the bucket.")
  private StorageSecretReference credentialsSecretRef;

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
