package io.pcapoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * How the operator gets the contents of the challenge file Cloudflare writes into the bucket: read
 * from the bucket (s3), or given by the user (value). With neither, the operator shows the file's
 * name and waits for a value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!(has(self.s3) && has(self.value))",
    message = "give at most one of challenge.s3 and challenge.value")
public class BucketChallenge {
  @JsonPropertyDescription(
      "Read the challenge file from the bucket through its S3-compatible API (S3, R2, or GCS"
          + " through its interoperability endpoint).")
  private S3Challenge s3;

  @Size(max = 4096)
  @JsonPropertyDescription(
      "The contents of the challenge file named in status.filename, copied from the bucket.")
  private String value;

  public S3Challenge getS3() {
    return s3;
  }

  public void setS3(S3Challenge s3) {
    this.s3 = s3;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
