package io.pcapoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * A Secret in the resource's own namespace holding S3 keys: {@code accessKeyId} and {@code
 * secretAccessKey}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StorageSecretReference {

  @Required
  @Size(max = 253)
  @Pattern(CaptureLimits.SECRET_NAME_PATTERN)
  @JsonPropertyDescription(
      "Name of the Secret, in this resource's namespace, that holds the keys accessKeyId and"
          + " secretAccessKey.")
  private String name;

  public StorageSecretReference() {}

  public StorageSecretReference(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
